package dev.flowline.local;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

/** DynamoDB Local (in memory) and ElasticMQ, in this JVM, on loopback ports. */
public final class EmbeddedEmulators implements AutoCloseable {

    private final DynamoDBProxyServer dynamoDb;
    private final SQSRestServer elasticMq;
    private final URI dynamoDbEndpoint;
    private final URI sqsEndpoint;

    /** Ports 0 mean any free port. */
    public EmbeddedEmulators(int dynamoDbPort, int sqsPort) {
        int dynamoPort = dynamoDbPort == 0 ? freePort() : dynamoDbPort;
        try {
            dynamoDb = ServerRunner.createServerFromCommandLineArgs(
                    new String[]{"-inMemory", "-disableTelemetry", "-port", String.valueOf(dynamoPort)});
            dynamoDb.start();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + dynamoPort, e);
        }
        dynamoDbEndpoint = URI.create("http://127.0.0.1:" + dynamoPort);
        int queuePort = sqsPort == 0 ? freePort() : sqsPort;
        elasticMq = SQSRestServerBuilder.withPort(queuePort).withInterface("127.0.0.1").start();
        elasticMq.waitUntilStarted();
        sqsEndpoint = URI.create("http://127.0.0.1:" + queuePort);
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    public URI sqsEndpoint() {
        return sqsEndpoint;
    }

    @Override
    public void close() throws Exception {
        elasticMq.stopAndWait();
        dynamoDb.stop();
    }

    static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
