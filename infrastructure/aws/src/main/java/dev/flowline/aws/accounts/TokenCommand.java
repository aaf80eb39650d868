package dev.flowline.aws.accounts;

import dev.flowline.aws.AwsClients;
import dev.flowline.aws.AwsConfig;

import java.time.Clock;
import java.util.List;

/**
 * The operators' command for API tokens ({@code ./flowline-tokens}), on the deployment the environment names
 * (credentials, {@code AWS_REGION}, {@code FLOWLINE_TOKENS_TABLE}, {@code AWS_ENDPOINT_URL} for an emulator):
 * <pre>
 * issue ACCOUNT NAME    prints a new token of ACCOUNT (shown only this once)
 * revoke ACCOUNT NAME   revokes ACCOUNT's tokens named NAME
 * list ACCOUNT          prints the names of ACCOUNT's tokens and when they were issued
 * </pre>
 */
public final class TokenCommand {

    static final String USAGE = "usage: flowline-tokens issue ACCOUNT NAME | revoke ACCOUNT NAME | list ACCOUNT";

    private TokenCommand() {
    }

    public static void main(String[] args) {
        try (var dynamo = AwsClients.fromEnvironment().dynamoDb()) {
            var tokens = new ApiTokens(dynamo, AwsConfig.fromEnvironment().tables(), Clock.systemUTC());
            run(tokens, List.of(args)).forEach(System.out::println);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
    }

    /** What the command prints for {@code args}. */
    static List<String> run(ApiTokens tokens, List<String> args) {
        if (args.size() < 2) {
            throw new IllegalArgumentException("a command and an account are needed");
        }
        Account account = new Account(args.get(1));
        return switch (args.getFirst()) {
            case "issue" -> List.of(tokens.issue(account, name(args)));
            case "revoke" -> List.of("revoked " + tokens.revoke(account, name(args)) + " token(s)");
            case "list" -> tokens.of(account).stream().map(t -> t.name() + "\tissued " + t.issuedAt()).toList();
            default -> throw new IllegalArgumentException("unknown command " + args.getFirst());
        };
    }

    private static String name(List<String> args) {
        if (args.size() != 3 || args.get(2).isBlank()) {
            throw new IllegalArgumentException("a token needs a name");
        }
        return args.get(2);
    }
}
