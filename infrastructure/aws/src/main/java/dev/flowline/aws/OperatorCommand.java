package dev.flowline.aws;

import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs an operators' command ({@code ./flowline-tokens} and the like) on a deployment: the tables and queues of
 * CloudFormation stack {@code FLOWLINE_STACK} ({@value #DEFAULT_STACK} by default, as samconfig.toml names it), read
 * from its outputs, unless variables name them: a {@code FLOWLINE_*} variable set explicitly wins over the stack's,
 * and with {@code FLOWLINE_STACK} unset, a {@code FLOWLINE_*_TABLE} variable or {@code AWS_ENDPOINT_URL} (an
 * emulator) means no stack is read. It prints the command's lines, or what went wrong in one line.
 */
public final class OperatorCommand {

    public static final String STACK_VARIABLE = "FLOWLINE_STACK";
    public static final String DEFAULT_STACK = "flowline";
    private static final String NO_CREDENTIALS = "Unable to load credentials";

    private OperatorCommand() {
    }

    /**
     * Runs {@code command} on the deployment's variables and clients and exits: 0 after printing its lines, 2 after
     * its {@link IllegalArgumentException}'s message and {@code usage}, 1 after any other failure's message.
     */
    public static void run(String name, String usage,
                           BiFunction<Map<String, String>, AwsClients, List<String>> command) {
        int status;
        try {
            AwsClients clients = AwsClients.fromEnvironment();
            command.apply(environment(System.getenv(), clients::stackOutputs), clients).forEach(System.out::println);
            status = 0;
        } catch (IllegalArgumentException e) {
            System.err.println(name + ": " + e.getMessage());
            System.err.println(usage);
            status = 2;
        } catch (RuntimeException e) {
            System.err.println(name + ": " + oneLine(e));
            status = 1;
        }
        System.exit(status);
    }

    /** The variables of the deployment: {@code env}, and where it names none, the stack's outputs. */
    static Map<String, String> environment(Map<String, String> env,
                                           Function<String, Map<String, String>> stackOutputs) {
        String stack = env.get(STACK_VARIABLE);
        if (stack == null || stack.isBlank()) {
            boolean named = env.containsKey("AWS_ENDPOINT_URL")
                    || env.keySet().stream().anyMatch(key -> key.startsWith("FLOWLINE_") && key.endsWith("_TABLE"));
            if (named) {
                return env;
            }
            stack = DEFAULT_STACK;
        }
        var resolved = new HashMap<>(StackOutputs.variables(stackOutputs.apply(stack)));
        resolved.putAll(env);
        return resolved;
    }

    /** The failure's message on one line, its cause's when it has none (an SDK error names the service's answer). */
    static String oneLine(Throwable e) {
        Throwable told = e;
        while ((told.getMessage() == null || told.getMessage().isBlank()) && told.getCause() != null) {
            told = told.getCause();
        }
        String message = told.getMessage() == null ? told.getClass().getSimpleName() : told.getMessage();
        if (told instanceof ResourceNotFoundException) {
            return "a table of the deployment is not there (" + message.replaceAll(" \\(Service:.*", "")
                    + "): check the region, " + STACK_VARIABLE + " or the FLOWLINE_*_TABLE variables";
        }
        if (message.startsWith(NO_CREDENTIALS)) {
            // the SDK goes on to list every provider it tried, each with its reason
            return "no AWS credentials found (AWS_PROFILE, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or aws sso login)";
        }
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
