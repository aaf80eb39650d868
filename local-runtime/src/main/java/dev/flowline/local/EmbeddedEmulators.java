package dev.flowline.local;

import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;
import scala.util.Either;
import scalikejdbc.ConnectionPool$;
import scalikejdbc.ConnectionPoolSettings;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * DynamoDB Local and ElasticMQ, in this JVM, on loopback ports: in memory, or keeping their data in a folder.
 * <p>
 * With a folder, DynamoDB Local runs in its file mode ({@code -sharedDb -dbPath <folder>/dynamodb}: one SQLite file
 * whatever the credentials and region), and ElasticMQ stores its queues and their messages (waiting, delayed and
 * in flight) in an H2 database ({@code <folder>/elasticmq/queues.mv.db}), as its server's {@code messages-storage}
 * does: a message is written there before its send is answered, and the queues and messages are restored before
 * the emulator is handed out. The folder is locked while the emulators run, so a second runtime cannot share it.
 * <p>
 * ElasticMQ's SQL storage uses one connection pool per JVM: one runtime with a data folder at a time in a JVM.
 */
public final class EmbeddedEmulators implements AutoCloseable {

    private static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(2);
    /** ElasticMQ's SQL storage keeps its connection pool in a JVM-wide singleton. */
    private static final AtomicBoolean QUEUE_STORAGE_IN_USE = new AtomicBoolean();

    private final List<AutoCloseable> started = new ArrayList<>();
    private final URI dynamoDbEndpoint;
    private final URI sqsEndpoint;

    /** In memory; ports 0 mean any free port. */
    public EmbeddedEmulators(int dynamoDbPort, int sqsPort) {
        this(dynamoDbPort, sqsPort, null);
    }

    /** Keeping their data in {@code data}, or in memory when it is null; ports 0 mean any free port. */
    public EmbeddedEmulators(int dynamoDbPort, int sqsPort, Path data) {
        try {
            if (data != null) {
                lock(data);
            }
            int dynamoPort = dynamoDbPort == 0 ? freePort() : dynamoDbPort;
            startDynamoDb(dynamoPort, data);
            dynamoDbEndpoint = URI.create("http://127.0.0.1:" + dynamoPort);
            int queuePort = sqsPort == 0 ? freePort() : sqsPort;
            if (data == null) {
                SQSRestServer elasticMq = SQSRestServerBuilder.withPort(queuePort).withInterface("127.0.0.1").start();
                started.add(elasticMq::stopAndWait);
                elasticMq.waitUntilStarted();
            } else {
                startStoredElasticMq(queuePort, data.resolve("elasticmq"));
            }
            sqsEndpoint = URI.create("http://127.0.0.1:" + queuePort);
        } catch (RuntimeException e) {
            try {
                close();
            } catch (Exception stopping) {
                e.addSuppressed(stopping);
            }
            throw e;
        }
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    public URI sqsEndpoint() {
        return sqsEndpoint;
    }

    /** Held until the emulators stop: a second runtime on the same folder would corrupt it. */
    private void lock(Path data) {
        try {
            Files.createDirectories(data);
            FileChannel channel = FileChannel.open(data.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("the data folder " + data.toAbsolutePath().normalize()
                        + " is in use by another Flowline local runtime; stop it, or give another one (--data DIR)");
            }
            started.add(channel::close);
        } catch (IOException e) {
            throw new UncheckedIOException("the data folder " + data + " cannot be used", e);
        }
    }

    private void startDynamoDb(int port, Path data) {
        var args = new ArrayList<>(List.of("-disableTelemetry", "-port", String.valueOf(port)));
        if (data == null) {
            args.add("-inMemory");
        } else {
            Path folder = data.resolve("dynamodb").toAbsolutePath();
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            args.addAll(List.of("-sharedDb", "-dbPath", folder.toString()));
        }
        DynamoDBProxyServer dynamoDb;
        try {
            dynamoDb = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            dynamoDb.start();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
        }
        started.add(dynamoDb::stop);
    }

    /**
     * ElasticMQ as its server runs it with {@code messages-storage} on: the queue manager tells a storage actor of
     * every queue and message change and waits for it before answering; the storage actor restores what it holds.
     */
    private void startStoredElasticMq(int port, Path folder) {
        if (!QUEUE_STORAGE_IN_USE.compareAndSet(false, true)) {
            throw new IllegalStateException("another local runtime in this JVM keeps its queues in a data folder: "
                    + "ElasticMQ's storage allows one at a time (use --in-memory for the other)");
        }
        started.add(() -> QUEUE_STORAGE_IN_USE.set(false));
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // closed by close(), not by H2's own shutdown hook, which could close it under the runtime's last writes
        String uri = "jdbc:h2:file:" + folder.resolve("queues").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        // the pool the storage's repositories use; set here, as ElasticMQ sets it only once per JVM
        ConnectionPoolSettings settings = ConnectionPool$.MODULE$.singleton$default$4();
        ConnectionPool$.MODULE$.singleton(uri, "", "", settings,
                ConnectionPool$.MODULE$.singleton$default$5(uri, "", "", settings));
        started.add(ConnectionPool$.MODULE$::closeAll);

        ActorSystem system = ActorSystem.create("elasticmq");
        started.add(() -> {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().get(1, TimeUnit.MINUTES);
        });
        ActorRef storage = system.actorOf(Props.create(SqlQueuePersistenceActor.class,
                new SqlQueuePersistenceConfig(true, "org.h2.Driver", uri, "", "", false),
                scala.collection.immutable.List$.MODULE$.empty()));
        ActorRef queueManager = system.actorOf(Props.create(QueueManagerActor.class, new NowProvider(),
                SQSRestServerBuilder.sqsLimits(), Option.apply(storage)));
        SQSRestServer elasticMq = SQSRestServerBuilder.withActorSystem(system).withQueueManagerActor(queueManager)
                .withQueueEventListener(storage).withPort(port).withInterface("127.0.0.1").start();
        started.add(elasticMq::stopAndWait);
        elasticMq.waitUntilStarted();
        Object restored;
        try {
            restored = Patterns.ask(storage, new QueueEvent.Restore(queueManager), RESTORE_TIMEOUT)
                    .toCompletableFuture().get();
        } catch (Exception e) {
            throw new IllegalStateException("ElasticMQ's queues could not be restored from " + folder, e);
        }
        if (restored instanceof Either<?, ?> either && either.isLeft()) {
            throw new IllegalStateException("ElasticMQ's queues could not be restored from " + folder + ": "
                    + restored);
        }
    }

    /** Stops what started, in reverse. */
    @Override
    public void close() throws Exception {
        Exception failure = null;
        for (AutoCloseable resource : started.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        started.clear();
        if (failure != null) {
            throw failure;
        }
    }

    static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
