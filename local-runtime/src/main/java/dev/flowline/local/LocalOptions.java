package dev.flowline.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the local runtime is started.
 *
 * @param apiPort          the HTTP API's port ({@code --port}, 3000; 0: any free port)
 * @param outbox           where emails are written ({@code --outbox}, {@code ./outbox})
 * @param devClock         whether the development clock is on ({@code --dev-clock})
 * @param dynamoDbPort     embedded DynamoDB Local's port ({@code --dynamodb-port}; 0: any free port)
 * @param sqsPort          embedded ElasticMQ's port ({@code --sqs-port}; 0: any free port)
 * @param endpoint         an emulator to use instead of the embedded ones ({@code AWS_ENDPOINT_URL}), or null
 * @param environment      {@code FLOWLINE_*} settings, read as a function reads them (mail-from address, user
 *                         emails, time zone, table names...)
 * @param pollWaitSeconds  how long each SQS receive waits for messages (long polling)
 * @param tickMillis       how often the wake-up scheduler looks at the clock
 * @param faults           the faults to inject ({@code --faults}, or {@code FLOWLINE_FAULTS}; none by default)
 * @param concurrency      how many pollers feed each function at once ({@code --concurrency}, 1), as Lambda runs
 *                         several instances of a function on one queue
 * @param data             the folder the embedded emulators keep their data in, and the development clock its
 *                         offset ({@code --data}, {@code ./.flowline-data}); null: everything in memory, lost when
 *                         the runtime stops ({@code --in-memory}, and the constructors without it: tests, benchmarks)
 */
public record LocalOptions(int apiPort, Path outbox, boolean devClock, int dynamoDbPort, int sqsPort,
                           String endpoint, Map<String, String> environment, int pollWaitSeconds,
                           long tickMillis, FaultPlan faults, int concurrency, Path data) {

    /** Where {@code ./flowline-local} keeps its data unless told otherwise. */
    static final Path DEFAULT_DATA = Path.of(".flowline-data");

    static final String USAGE = """
            usage: ./flowline-local [--dev-clock] [--port N] [--outbox DIR] [--data DIR | --in-memory]
                                    [--dynamodb-port N] [--sqs-port N] [--faults KIND=RATE,...,seed=N]
              --dev-clock        a clock that POST /_flowline/clock/advance?seconds=N moves forward (with the
                                 development token)
              --port N           the HTTP API's port (3000)
              --outbox DIR       where emails are written as .eml files, a folder per account (./outbox)
              --data DIR         where flows, contacts, enrolments, queued messages and the development clock are
                                 kept across restarts (./.flowline-data)
              --in-memory        keep nothing: a throwaway run that starts empty
              --dynamodb-port N  embedded DynamoDB Local's port (any free port)
              --sqs-port N       embedded ElasticMQ's port (any free port)
              --concurrency N    pollers feeding each function at once, as Lambda's instances (1)
              --faults SPEC      inject faults, e.g. dynamodb.throttle=0.05,sqs.send=0.02,seed=7; kinds:
                                 dynamodb.throttle sqs.send ses.throttle delivery.crash delivery.duplicate
                                 delivery.reorder schedule.late schedule.duplicate (also FLOWLINE_FAULTS)
            AWS_ENDPOINT_URL set: DynamoDB and SQS are that emulator's (LocalStack, moto's server), which keeps
            their data or not; the data folder then keeps the development clock only.
            FLOWLINE_* variables configure the engine as in a function (FLOWLINE_MAIL_FROM,
            FLOWLINE_TIME_ZONE, table names...).""";

    public LocalOptions {
        environment = Map.copyOf(environment);
        if (concurrency < 1) {
            throw new IllegalArgumentException("the concurrency must be at least 1");
        }
    }

    /** In memory. */
    public LocalOptions(int apiPort, Path outbox, boolean devClock, int dynamoDbPort, int sqsPort, String endpoint,
                        Map<String, String> environment, int pollWaitSeconds, long tickMillis, FaultPlan faults,
                        int concurrency) {
        this(apiPort, outbox, devClock, dynamoDbPort, sqsPort, endpoint, environment, pollWaitSeconds, tickMillis,
                faults, concurrency, null);
    }

    /** One poller per function, in memory. */
    public LocalOptions(int apiPort, Path outbox, boolean devClock, int dynamoDbPort, int sqsPort, String endpoint,
                        Map<String, String> environment, int pollWaitSeconds, long tickMillis, FaultPlan faults) {
        this(apiPort, outbox, devClock, dynamoDbPort, sqsPort, endpoint, environment, pollWaitSeconds, tickMillis,
                faults, 1);
    }

    /** Without injected faults, in memory. */
    public LocalOptions(int apiPort, Path outbox, boolean devClock, int dynamoDbPort, int sqsPort, String endpoint,
                        Map<String, String> environment, int pollWaitSeconds, long tickMillis) {
        this(apiPort, outbox, devClock, dynamoDbPort, sqsPort, endpoint, environment, pollWaitSeconds, tickMillis,
                FaultPlan.NONE);
    }

    /** The same options, with the data kept in {@code data} (null: in memory). */
    public LocalOptions withData(Path data) {
        return new LocalOptions(apiPort, outbox, devClock, dynamoDbPort, sqsPort, endpoint, environment,
                pollWaitSeconds, tickMillis, faults, concurrency, data);
    }

    /** True when nothing is kept after the runtime stops. */
    public boolean inMemory() {
        return data == null;
    }

    /** The options of a command line, with the process's environment. */
    public static LocalOptions parse(String[] args, Map<String, String> env) {
        int apiPort = 3000;
        Path outbox = Path.of("outbox");
        Path data = null;
        boolean inMemory = false;
        boolean devClock = false;
        int dynamoDbPort = 0;
        int sqsPort = 0;
        int concurrency = 1;
        String faults = env.get("FLOWLINE_FAULTS");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dev-clock" -> devClock = true;
                case "--port" -> apiPort = Integer.parseInt(value(args, ++i));
                case "--outbox" -> outbox = Path.of(value(args, ++i));
                case "--data" -> data = Path.of(value(args, ++i));
                case "--in-memory" -> inMemory = true;
                case "--dynamodb-port" -> dynamoDbPort = Integer.parseInt(value(args, ++i));
                case "--sqs-port" -> sqsPort = Integer.parseInt(value(args, ++i));
                case "--faults" -> faults = value(args, ++i);
                case "--concurrency" -> concurrency = Integer.parseInt(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (inMemory && data != null) {
            throw new IllegalArgumentException("--in-memory keeps no data: it cannot go with --data");
        }
        String endpoint = env.get("AWS_ENDPOINT_URL");
        var flowline = new TreeMap<String, String>();
        env.forEach((name, value) -> {
            if (name.startsWith("FLOWLINE_")) {
                flowline.put(name, value);
            }
        });
        return new LocalOptions(apiPort, outbox, devClock, dynamoDbPort, sqsPort,
                endpoint == null || endpoint.isBlank() ? null : endpoint, flowline, 2, 200,
                FaultPlan.parse(faults), concurrency, inMemory ? null : data != null ? data : DEFAULT_DATA);
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }
}
