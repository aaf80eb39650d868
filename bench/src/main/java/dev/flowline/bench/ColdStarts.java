package dev.flowline.bench;

import dev.flowline.aws.AwsClients;
import dev.flowline.aws.dynamodb.FlowlineTables;
import dev.flowline.local.EmbeddedEmulators;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The cold start of each function: from starting a fresh JVM on the function's shaded jar, with the JVM options
 * and memory template.yaml gives it, to the end of its first invocation on its sample event
 * ({@link HandlerInvocation}). The handlers talk to DynamoDB Local and ElasticMQ in this JVM, on tables and
 * queues made for the run; the other services (bus, scheduler, email) are not reached by the sample events.
 * Each queue-driven function has the target; the API's cold start is reported. Beside each time, the processor
 * time the function's JVM used, and the machine's load average over the runs: on a loaded machine the times
 * include waiting for a processor.
 */
final class ColdStarts {

    /** The function that answers HTTP requests, not a queue, and has no target. */
    private static final String API = "ApiFunction";
    private static final double TARGET_SECONDS = 1.0;
    private static final long TIMEOUT_SECONDS = 120;

    private ColdStarts() {
    }

    /** Two figures per function, its time and its processor time, and the load average. */
    static List<Figure> measure(Path root) throws Exception {
        DeployedFunctions deployed = DeployedFunctions.of(root);
        List<Figure> figures = new ArrayList<>();
        var os = ManagementFactory.getOperatingSystemMXBean();
        double load = 0;
        try (var emulators = new EmbeddedEmulators(0, 0)) {
            Map<String, String> environment = environment(deployed, emulators);
            for (DeployedFunctions.Function function : deployed.functions()) {
                Start start = coldStart(function, environment);
                load += os.getSystemLoadAverage() / deployed.functions().size();
                String name = "cold start, " + function.name();
                figures.add(function.name().equals(API) ? Figure.report(name, start.seconds(), "s")
                        : Figure.atMost(name, start.seconds(), "s", TARGET_SECONDS).boundedBy(String.format(Locale.ROOT,
                                "loading %,d classes: %.2f s of processor time at load %.1f, which a SnapStart"
                                        + " snapshot takes off", start.classes(), start.cpuSeconds(),
                                os.getSystemLoadAverage())));
                figures.add(Figure.report("cold start cpu, " + function.name(), start.cpuSeconds(), "s"));
            }
        }
        figures.add(Figure.report("load average, cold starts", load, "(" + os.getAvailableProcessors() + " cores)"));
        return figures;
    }

    /** A cold start's time, and the processor time its JVM used and the classes it loaded meanwhile. */
    private record Start(double seconds, double cpuSeconds, long classes) {
    }

    /** What template.yaml sets for every function, pointed at the emulators: tables, queues, endpoints. */
    private static Map<String, String> environment(DeployedFunctions deployed, EmbeddedEmulators emulators) {
        var clients = AwsClients.emulatorAt(emulators.sqsEndpoint()).withDynamoDbAt(emulators.dynamoDbEndpoint());
        FlowlineTables tables = FlowlineTables.defaults().withPrefix("cold-start-");
        try (var dynamo = clients.dynamoDb(); SqsClient sqs = clients.sqs()) {
            tables.create(dynamo);
            Map<String, String> env = new HashMap<>();
            env.put("JAVA_TOOL_OPTIONS", deployed.javaToolOptions());
            env.put("AWS_REGION", "us-east-1");
            env.put("AWS_ACCESS_KEY_ID", "test");
            env.put("AWS_SECRET_ACCESS_KEY", "test");
            env.put("AWS_ENDPOINT_URL", emulators.sqsEndpoint().toString());
            env.put("AWS_ENDPOINT_URL_DYNAMODB", emulators.dynamoDbEndpoint().toString());
            env.put("POWERTOOLS_SERVICE_NAME", "flowline");
            env.put("POWERTOOLS_LOG_LEVEL", "INFO");
            env.putAll(tables.environment());
            env.put("FLOWLINE_STEP_QUEUE_URL", queue(sqs, "cold-start-steps"));
            env.put("FLOWLINE_DEAD_LETTER_QUEUE_URL", queue(sqs, "cold-start-dead-letters"));
            env.put("FLOWLINE_ACTIVATION_QUEUE_URL", queue(sqs, "cold-start-activation"));
            env.put("FLOWLINE_MAIL_FROM", "flows@example.com");
            return env;
        }
    }

    private static String queue(SqsClient sqs, String name) {
        return sqs.createQueue(b -> b.queueName(name)).queueUrl();
    }

    /** From starting the JVM to the end of the first invocation. */
    private static Start coldStart(DeployedFunctions.Function function, Map<String, String> environment)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(function.jar())) {
            throw new IllegalStateException(function.jar() + " is missing: ./bench/run (not --smoke) builds it");
        }
        var command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:MaxRAM=" + function.memoryMb() + "m",
                "-cp", function.jar() + File.pathSeparator + invokerClasses(),
                HandlerInvocation.class.getName(), function.handler(), function.event().toString());
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        List<String> output = new ArrayList<>();
        long done = -1;
        double cpu = Double.NaN;
        long classes = -1;
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(HandlerInvocation.CPU)) {
                    cpu = Double.parseDouble(line.substring(HandlerInvocation.CPU.length()));
                }
                if (line.startsWith(HandlerInvocation.CLASSES)) {
                    classes = Long.parseLong(line.substring(HandlerInvocation.CLASSES.length()));
                }
                if (done < 0 && line.startsWith(HandlerInvocation.DONE)) {
                    done = System.nanoTime();
                }
                output.add(line);
            }
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (done < 0 || process.exitValue() != 0) {
            throw new IllegalStateException(function.name() + " did not complete its first invocation:\n"
                    + String.join("\n", output));
        }
        return new Start((done - start) / 1e9, cpu, classes);
    }

    /** Where {@link HandlerInvocation} was loaded from: the benchmarks' classes, put after the function's jar. */
    private static Path invokerClasses() {
        try {
            return Path.of(HandlerInvocation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
