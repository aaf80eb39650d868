package dev.flowline.aws.hubspot;

import dev.flowline.aws.AwsClients;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.dynamodb.ImportMappings;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./flowline import --from-hubspot --token pat-… [--base-url URL] [--account ACCOUNT] [--contacts]}: copies a
 * HubSpot portal ({@link PortalImport}) into an account of the deployment the environment names (credentials,
 * {@code AWS_REGION}, the {@code FLOWLINE_*_TABLE} names, {@code AWS_ENDPOINT_URL} for an emulator), and prints a
 * line per flow: imported, imported with skipped actions and why, or refused and why.
 */
public final class ImportCommand {

    static final String USAGE = "usage: flowline import --from-hubspot --token TOKEN [--base-url URL] "
            + "[--account ACCOUNT] [--contacts]";
    static final URI HUBSPOT = URI.create("https://api.hubapi.com");

    /** The command line, read. */
    record Arguments(String token, URI baseUrl, Optional<Account> account, boolean contacts) {

        static Arguments parse(List<String> args) {
            if (args.isEmpty() || !args.getFirst().equals("import") || !args.contains("--from-hubspot")) {
                throw new IllegalArgumentException("the command is import --from-hubspot");
            }
            String token = null;
            URI baseUrl = HUBSPOT;
            Optional<Account> account = Optional.empty();
            boolean contacts = false;
            for (int i = 1; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--from-hubspot" -> { }
                    case "--contacts" -> contacts = true;
                    case "--token" -> token = value(args, ++i);
                    case "--base-url" -> baseUrl = URI.create(value(args, ++i));
                    case "--account" -> account = Optional.of(new Account(value(args, ++i)));
                    default -> throw new IllegalArgumentException("unknown option " + args.get(i));
                }
            }
            if (token == null) {
                throw new IllegalArgumentException("--token is required");
            }
            return new Arguments(token, baseUrl, account, contacts);
        }

        private static String value(List<String> args, int at) {
            if (at >= args.size() || args.get(at).startsWith("--")) {
                throw new IllegalArgumentException(args.get(at - 1) + " needs a value");
            }
            return args.get(at);
        }
    }

    private ImportCommand() {
    }

    public static void main(String[] args) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        AwsEngine deployment = AwsEngine.fromEnvironment();
        AwsEngine engine = arguments.account().map(deployment::forAccount).orElse(deployment);
        try (var dynamo = AwsClients.fromEnvironment().dynamoDb()) {
            new PortalImport(new HubSpotPortal(arguments.baseUrl(), arguments.token()), engine.engine().ports(),
                    new ImportMappings(dynamo, engine.config().tables(), engine.account()))
                    .run(arguments.contacts()).lines().forEach(System.out::println);
        }
    }
}
