package dev.flowline.aws.dynamodb;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One in-memory DynamoDB Local for the whole test JVM, reached over HTTP like the real service. Test methods
 * declare a {@link DynamoDbClient} or a {@link FlowlineTables} parameter; each {@link FlowlineTables} is a fresh
 * set of tables, so tests do not see each other's items. The server stops when the test run ends.
 */
public final class LocalDynamoDb implements ParameterResolver {

    private static final AtomicInteger TABLE_SETS = new AtomicInteger();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DynamoDbClient.class || type == FlowlineTables.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        DynamoDbClient client = server(context).client;
        if (parameter.getParameter().getType() == DynamoDbClient.class) {
            return client;
        }
        var tables = FlowlineTables.defaults().withPrefix("t" + TABLE_SETS.incrementAndGet() + "-");
        tables.create(client);
        return tables;
    }

    private static Server server(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(LocalDynamoDb.class))
                .getOrComputeIfAbsent(Server.class, type -> new Server(), Server.class);
    }

    /** The running server and a client for it; closed by JUnit at the end of the run. */
    private static final class Server implements AutoCloseable {
        private final DynamoDBProxyServer server;
        private final DynamoDbClient client;

        Server() {
            int port = freePort();
            try {
                server = ServerRunner.createServerFromCommandLineArgs(
                        new String[]{"-inMemory", "-disableTelemetry", "-port", String.valueOf(port)});
                server.start();
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not start", e);
            }
            client = DynamoDbClient.builder()
                    .endpointOverride(URI.create("http://127.0.0.1:" + port))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }

        @Override
        public void close() throws Exception {
            client.close();
            server.stop();
        }

        private static int freePort() {
            try (var socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
