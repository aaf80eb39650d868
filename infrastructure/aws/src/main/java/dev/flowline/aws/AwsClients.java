package dev.flowline.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;

/**
 * Builds every SDK client the same way: the small url-connection HTTP client, the region from
 * {@code AWS_REGION} (us-east-1 when unset, which avoids the SDK's slower region lookups).
 * In a function the SDK itself applies {@code AWS_ENDPOINT_URL}; {@link #emulatorAt} points every client at
 * an emulator explicitly, with dummy credentials, for tests; {@link #withDynamoDbAt} puts DynamoDB on another one
 * (DynamoDB Local beside ElasticMQ).
 */
public final class AwsClients {

    static final Region DEFAULT_REGION = Region.US_EAST_1;

    private final Region region;
    private final URI emulator;
    private final URI dynamoDbEmulator;

    private AwsClients(Region region, URI emulator, URI dynamoDbEmulator) {
        this.region = region;
        this.emulator = emulator;
        this.dynamoDbEmulator = dynamoDbEmulator;
    }

    /** Clients for the function's own account and region, credentials from the environment. */
    public static AwsClients fromEnvironment() {
        String region = System.getenv("AWS_REGION");
        return new AwsClients(region == null || region.isBlank() ? DEFAULT_REGION : Region.of(region), null, null);
    }

    /** Clients that all talk to the emulator at {@code endpoint} (ElasticMQ, DynamoDB Local, moto). */
    public static AwsClients emulatorAt(URI endpoint) {
        return new AwsClients(DEFAULT_REGION, endpoint, null);
    }

    /** The same clients, with DynamoDB at the emulator at {@code endpoint}. */
    public AwsClients withDynamoDbAt(URI endpoint) {
        return new AwsClients(region, emulator, endpoint);
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

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
        return build(builder, emulator);
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, URI endpoint) {
        builder.region(region).httpClientBuilder(UrlConnectionHttpClient.builder());
        if (endpoint != null) {
            builder.endpointOverride(endpoint)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        }
        return builder.build();
    }
}
