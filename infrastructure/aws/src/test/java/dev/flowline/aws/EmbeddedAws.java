package dev.flowline.aws;

import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;
import dev.flowline.aws.dynamodb.FlowlineTables;
import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.enrolment.EngineEvents;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Embedded DynamoDB Local and ElasticMQ, started once for the test JVM and stopped at its end. A test method
 * declares an {@link Environment} parameter and gets its own tables and queues (step queue, dead-letter queue, goal
 * queue), with the {@link AwsConfig} and {@link AwsClients} that point at them.
 */
public final class EmbeddedAws implements ParameterResolver {

    private static final AtomicInteger ENVIRONMENTS = new AtomicInteger();
    private static final EngineEvents NO_EVENTS = new EngineEvents() {
        @Override
        public void activity(String contactId, ActivityEvent event) {
        }

        @Override
        public void propertiesChanged(String contactId, Set<String> properties) {
        }
    };

    /** One test's tables and queues. */
    public record Environment(AwsConfig config, AwsClients clients, SqsClient sqs) {

        /**
         * An engine on these tables and queues. Neither emulator has a bus or a scheduler: engine events and
         * wake-ups go nowhere unless the test replaces them.
         */
        public AwsEngine.Builder engine() {
            return AwsEngine.builder(config, clients).events(NO_EVENTS).wakeUps(dueAt -> { });
        }

        /** Takes every message now visible on {@code queueUrl} (with its attributes), deleting them. */
        public List<Message> drain(String queueUrl) {
            var all = new ArrayList<Message>();
            List<Message> received;
            do {
                received = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)
                        .messageAttributeNames("All")
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                all.addAll(received);
                received.forEach(m -> sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
            } while (!received.isEmpty());
            return all;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Environment.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Servers servers = context.getRoot().getStore(ExtensionContext.Namespace.create(EmbeddedAws.class))
                .getOrComputeIfAbsent(Servers.class, type -> new Servers(), Servers.class);
        String prefix = "e" + ENVIRONMENTS.incrementAndGet() + "-";
        AwsClients clients = AwsClients.emulatorAt(servers.sqsEndpoint).withDynamoDbAt(servers.dynamoDbEndpoint);
        FlowlineTables tables = FlowlineTables.defaults().withPrefix(prefix);
        try (var dynamo = clients.dynamoDb()) {
            tables.create(dynamo);
        }
        SqsClient sqs = clients.sqs();
        var env = new HashMap<>(Map.of(
                "FLOWLINE_STEP_QUEUE_URL", queue(sqs, prefix + "steps"),
                "FLOWLINE_DEAD_LETTER_QUEUE_URL", queue(sqs, prefix + "dead-letters"),
                "FLOWLINE_GOAL_QUEUE_URL", queue(sqs, prefix + "goals"),
                "FLOWLINE_MAIL_FROM", "flows@example.com",
                "FLOWLINE_WEBHOOK_HTTP_HOSTS", "127.0.0.1,localhost",
                "FLOWLINE_WEBHOOK_SECRET", "app-secret",
                // tests on a fixed clock make more requests than any ten seconds allow
                "FLOWLINE_API_RATE_LIMIT", "1000000"));
        env.putAll(tables.environment());
        return new Environment(AwsConfig.fromEnvironment(env), clients, sqs);
    }

    private static String queue(SqsClient sqs, String name) {
        return sqs.createQueue(c -> c.queueName(name)
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30"))).queueUrl();
    }

    /** The two emulators; closed by JUnit at the end of the run. */
    private static final class Servers implements AutoCloseable {
        private final DynamoDBProxyServer dynamoDb;
        private final SQSRestServer elasticMq;
        private final URI dynamoDbEndpoint;
        private final URI sqsEndpoint;

        Servers() {
            int dynamoPort = freePort();
            try {
                dynamoDb = ServerRunner.createServerFromCommandLineArgs(
                        new String[]{"-inMemory", "-disableTelemetry", "-port", String.valueOf(dynamoPort)});
                dynamoDb.start();
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not start", e);
            }
            dynamoDbEndpoint = URI.create("http://127.0.0.1:" + dynamoPort);
            int sqsPort = freePort();
            elasticMq = SQSRestServerBuilder.withPort(sqsPort).withInterface("127.0.0.1").start();
            elasticMq.waitUntilStarted();
            sqsEndpoint = URI.create("http://127.0.0.1:" + sqsPort);
        }

        @Override
        public void close() throws Exception {
            elasticMq.stopAndWait();
            dynamoDb.stop();
        }

        private static int freePort() {
            try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
