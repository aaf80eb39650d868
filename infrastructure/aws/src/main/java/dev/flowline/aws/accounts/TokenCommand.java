package dev.flowline.aws.accounts;

import dev.flowline.aws.OperatorCommand;
import dev.flowline.aws.dynamodb.FlowlineTables;

import java.time.Clock;
import java.util.List;

/**
 * The operators' command for API tokens and webhook signing keys ({@code ./flowline-tokens}), on the deployment
 * {@link OperatorCommand} finds (a stack's outputs, or {@code FLOWLINE_TOKENS_TABLE}; credentials and
 * {@code AWS_REGION} from the environment, {@code AWS_ENDPOINT_URL} for an emulator):
 * <pre>
 * issue ACCOUNT NAME           prints a new token of ACCOUNT (shown only this once); gives ACCOUNT a webhook
 *                              signing key if it has none
 * revoke ACCOUNT NAME          revokes ACCOUNT's tokens named NAME
 * list ACCOUNT                 prints the names of ACCOUNT's tokens and when they were issued
 * signing-key ACCOUNT          prints the key that signs ACCOUNT's webhooks (created if it has none)
 * rotate-signing-key ACCOUNT   replaces that key with a new one, which signs from the next webhook on, and prints it
 * </pre>
 */
public final class TokenCommand {

    static final String USAGE = "usage: flowline-tokens issue ACCOUNT NAME | revoke ACCOUNT NAME | list ACCOUNT"
            + " | signing-key ACCOUNT | rotate-signing-key ACCOUNT";

    private TokenCommand() {
    }

    public static void main(String[] args) {
        OperatorCommand.run("flowline-tokens", USAGE, (env, clients) -> {
            try (var dynamo = clients.dynamoDb()) {
                var tables = FlowlineTables.fromEnvironment(env);
                return run(new ApiTokens(dynamo, tables, Clock.systemUTC()),
                        new SigningKeys(dynamo, tables, Clock.systemUTC()), List.of(args));
            }
        });
    }

    /** What the command prints for {@code args}. */
    static List<String> run(ApiTokens tokens, SigningKeys signingKeys, List<String> args) {
        if (args.size() < 2) {
            throw new IllegalArgumentException("a command and an account are needed");
        }
        Account account = new Account(args.get(1));
        return switch (args.getFirst()) {
            case "issue" -> {
                String name = name(args);
                // the key first, so that an account issued a token always has its own signing key
                signingKeys.createIfAbsent(account);
                yield List.of(tokens.issue(account, name));
            }
            case "revoke" -> List.of("revoked " + tokens.revoke(account, name(args)) + " token(s)");
            case "list" -> tokens.of(account).stream().map(t -> t.name() + "\tissued " + t.issuedAt()).toList();
            case "signing-key" -> List.of(signingKeys.createIfAbsent(account));
            case "rotate-signing-key" -> List.of(signingKeys.rotate(account));
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
