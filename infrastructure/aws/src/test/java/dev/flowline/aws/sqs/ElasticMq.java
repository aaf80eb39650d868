package dev.flowline.aws.sqs;

import dev.flowline.aws.AwsClients;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

/** Embedded ElasticMQ on a free loopback port. */
final class ElasticMq implements AutoCloseable {

    private final SQSRestServer server;
    private final URI endpoint;

    private ElasticMq(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    static ElasticMq start() {
        int port = freePort();
        var server = SQSRestServerBuilder.withPort(port).withInterface("127.0.0.1").start();
        server.waitUntilStarted();
        return new ElasticMq(server, URI.create("http://127.0.0.1:" + port));
    }

    AwsClients clients() {
        return AwsClients.emulatorAt(endpoint);
    }

    @Override
    public void close() {
        server.stopAndWait();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
