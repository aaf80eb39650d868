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

    /** Clients for the function's own account and region, credentials from the environment. */
    public static AwsClients fromEnvironment() {
        String region = System.getenv("AWS_REGION");
        return new AwsClients(region == null || region.isBlank() ? DEFAULT_REGION : Region.of(region), null, null,
                List.of(), null);
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
        URI endpoint = emulator != null ? emulator : URI.create("https://" + service + "." + region.id() + ".amazonaws.com");
        AwsCredentialsProvider credentials = emulator != null
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))
                : DefaultCredentialsProvider.builder().build();
        return new AwsJsonApi(UrlConnectionHttpClient.create(), endpoint, service, targetPrefix, region, credentials);
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
