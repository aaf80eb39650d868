package dev.flowline.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds every SDK client the same way: the small url-connection HTTP client, the region from
 * {@code AWS_REGION} (us-east-1 when unset, which avoids the SDK's slower region lookups).
 * In a function the SDK itself applies {@code AWS_ENDPOINT_URL}; {@link #emulatorAt} points every client at
 * an emulator explicitly, with dummy credentials, for tests; {@link #withDynamoDbAt} puts DynamoDB on another one
 * (DynamoDB Local beside ElasticMQ); {@link #withInterceptors} adds SDK interceptors to every client (request
 * counting, fault injection); {@link #withQuickRetries} shortens the SDK's back-offs (against an emulator
 * that injects faults).
 */
public final class AwsClients {

    static final Region DEFAULT_REGION = Region.US_EAST_1;
    /**
     * An emulator every client of a function talks to, with dummy credentials: template.yaml declares it empty, so
     * that {@code sam local invoke --env-vars env.json} can set it (SAM sets only the variables a template declares).
     */
    static final String EMULATOR_VARIABLE = "FLOWLINE_EMULATOR_URL";
    static final int QUICK_RETRY_ATTEMPTS = 9;

    private final Region region;
    private final URI emulator;
    private final URI dynamoDbEmulator;
    private final List<ExecutionInterceptor> interceptors;
    private final RetryStrategy retryStrategy;

    private AwsClients(Region region, URI emulator, URI dynamoDbEmulator, List<ExecutionInterceptor> interceptors,
                       RetryStrategy retryStrategy) {
        this.region = region;
        this.emulator = emulator;
        this.dynamoDbEmulator = dynamoDbEmulator;
        this.interceptors = List.copyOf(interceptors);
        this.retryStrategy = retryStrategy;
    }

    /**
     * Clients for the function's own account and region, credentials from the environment; all of them on the
     * emulator {@value #EMULATOR_VARIABLE} names, when it names one.
     */
    public static AwsClients fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** The clients a function with environment {@code env} builds. */
    public static AwsClients fromEnvironment(Map<String, String> env) {
        String region = env.get("AWS_REGION");
        if (region == null || region.isBlank()) {
            // the AWS CLI's variable, which an operator running a command may have set instead
            region = env.get("AWS_DEFAULT_REGION");
        }
        String emulator = env.get(EMULATOR_VARIABLE);
        return new AwsClients(region == null || region.isBlank() ? DEFAULT_REGION : Region.of(region),
                emulator == null || emulator.isBlank() ? null : URI.create(emulator), null, List.of(), null);
    }

    /** Clients that all talk to the emulator at {@code endpoint} (ElasticMQ, DynamoDB Local, moto). */
    public static AwsClients emulatorAt(URI endpoint) {
        return new AwsClients(DEFAULT_REGION, endpoint, null, List.of(), null);
    }

    /** The same clients, with DynamoDB at the emulator at {@code endpoint}. */
    public AwsClients withDynamoDbAt(URI endpoint) {
        return new AwsClients(region, emulator, endpoint, interceptors, retryStrategy);
    }

    /** The same clients, each calling {@code added} (after the interceptors it has) on every request. */
    public AwsClients withInterceptors(ExecutionInterceptor... added) {
        var all = new ArrayList<>(interceptors);
        all.addAll(List.of(added));
        return new AwsClients(region, emulator, dynamoDbEmulator, all, retryStrategy);
    }

    /**
     * The same clients, retrying up to {@value #QUICK_RETRY_ATTEMPTS} attempts (DynamoDB's own default in the SDK)
     * after a few milliseconds, without the circuit breaker: for emulators that inject faults and need no relief.
     */
    public AwsClients withQuickRetries() {
        BackoffStrategy quick = BackoffStrategy.exponentialDelay(Duration.ofMillis(2), Duration.ofMillis(50));
        return new AwsClients(region, emulator, dynamoDbEmulator, interceptors, AwsRetryStrategy.standardRetryStrategy()
                .toBuilder().maxAttempts(QUICK_RETRY_ATTEMPTS).backoffStrategy(quick).throttlingBackoffStrategy(quick)
                .circuitBreakerEnabled(false).build());
    }

    public DynamoDbClient dynamoDb() {
        return build(DynamoDbClient.builder(), dynamoDbEmulator != null ? dynamoDbEmulator : emulator);
    }

    public SqsClient sqs() {
        return build(SqsClient.builder());
    }

    public SchedulerClient scheduler() {
        return build(SchedulerClient.builder());
    }

    public EventBridgeClient eventBridge() {
        return build(EventBridgeClient.builder());
    }

    public SesV2Client sesV2() {
        return build(SesV2Client.builder());
    }

    /** End User Messaging SMS (the SMS and voice API, v2). */
    public PinpointSmsVoiceV2Client smsVoice() {
        return build(PinpointSmsVoiceV2Client.builder());
    }

    /** Secrets Manager's JSON API (see {@link AwsJsonApi} for why not the SDK's client). */
    public AwsJsonApi secretsManager() {
        return jsonApi("secretsmanager", "secretsmanager");
    }

    /** SSM's JSON API, for Parameter Store reads (see {@link AwsJsonApi} for why not the SDK's client). */
    public AwsJsonApi ssm() {
        return jsonApi("ssm", "AmazonSSM");
    }

    private AwsJsonApi jsonApi(String service, String targetPrefix) {
        return new AwsJsonApi(signedPost(service), targetPrefix);
    }

    /** The outputs of CloudFormation stack {@code stack}, for the operators' commands ({@link StackOutputs}). */
    public Map<String, String> stackOutputs(String stack) {
        return StackOutputs.of(signedPost("cloudformation"), stack);
    }

    private SignedPost signedPost(String service) {
        String configured = System.getenv("AWS_ENDPOINT_URL");
        URI endpoint = emulator != null ? emulator : configured != null && !configured.isBlank() ? URI.create(configured)
                : URI.create("https://" + service + "." + region.id() + ".amazonaws.com");
        AwsCredentialsProvider credentials = emulator != null
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))
                : DefaultCredentialsProvider.builder().build();
        return new SignedPost(UrlConnectionHttpClient.create(), endpoint, service, region, credentials);
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
        return build(builder, emulator);
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, URI endpoint) {
        builder.region(region).httpClientBuilder(UrlConnectionHttpClient.builder());
        builder.overrideConfiguration(o -> {
            o.executionInterceptors(interceptors);
            if (retryStrategy != null) {
                o.retryStrategy(retryStrategy);
            }
        });
        if (endpoint != null) {
            builder.endpointOverride(endpoint)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        }
        return builder.build();
    }
}
