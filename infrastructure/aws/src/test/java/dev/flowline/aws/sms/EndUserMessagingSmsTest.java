package dev.flowline.aws.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.flowline.aws.AwsClients;
import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.dynamodb.FlowlineTables;
import dev.flowline.aws.dynamodb.LocalDynamoDb;
import dev.flowline.engine.action.SmsMessage;
import dev.flowline.engine.action.SmsStatus;
import dev.flowline.engine.json.FlowlineJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SMS through End User Messaging SMS's {@code SendTextMessage}, with the real SDK client, against a local HTTP server
 * (moto's server does not answer this API): the request is a SigV4-signed call of the right operation, whose body
 * names the number, the text, the origination identity, the configuration set and the account.
 */
@ExtendWith(LocalDynamoDb.class)
class EndUserMessagingSmsTest {

    private static final Account A = new Account("a1");
    private static final EndUserMessagingSms.Config CONFIG =
            new EndUserMessagingSms.Config("+12065550152", "flowline-sms");

    private record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {
    }

    private final List<Received> received = new ArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            synchronized (received) {
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        new TreeMap<>(exchange.getRequestHeaders()), body));
            }
            byte[] answer = "{\"MessageId\":\"ed23196c-75ce-4727-93ee-7bf72b64998f\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private EndUserMessagingSms sender(DynamoDbClient dynamo, FlowlineTables tables) {
        var sms = AwsClients.emulatorAt(URI.create("http://127.0.0.1:" + server.getAddress().getPort())).smsVoice();
        return new EndUserMessagingSms(() -> sms, CONFIG, A, new SmsDeliveries(dynamo, tables));
    }

    @Test
    void anSmsIsOneSignedSendTextMessageCallAndItsIdIsTheServicesMessageId(DynamoDbClient dynamo, FlowlineTables tables) {
        String id = sender(dynamo, tables).send(new SmsMessage("e1:c1:1#3", "f1", "c1", "+14255550156", "Call Ada"));

        assertThat(id).isEqualTo("ed23196c-75ce-4727-93ee-7bf72b64998f");
        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(header(request, "X-Amz-Target")).isEqualTo("PinpointSMSVoiceV2.SendTextMessage");
            assertThat(header(request, "Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=test/")
                    .contains("/us-east-1/sms-voice/aws4_request");
            assertThat(header(request, "Authorization")).isEqualTo(signatureOf(request));
            JsonNode body = FlowlineJson.read(new String(request.body(), StandardCharsets.UTF_8), JsonNode.class);
            assertThat(body.path("DestinationPhoneNumber").asText()).isEqualTo("+14255550156");
            assertThat(body.path("MessageBody").asText()).isEqualTo("Call Ada");
            assertThat(body.path("MessageType").asText()).isEqualTo("TRANSACTIONAL");
            assertThat(body.path("OriginationIdentity").asText()).isEqualTo("+12065550152");
            assertThat(body.path("ConfigurationSetName").asText()).isEqualTo("flowline-sms");
            assertThat(body.path("Context").path("flowline-account").asText()).isEqualTo("a1");
            assertThat(body.path("Context").path("flowline-idempotency-key").asText()).isEqualTo("e1:c1:1#3");
        });
    }

    @Test
    void withoutAnOriginationIdentityTheServiceChoosesOne(DynamoDbClient dynamo, FlowlineTables tables) {
        var sms = AwsClients.emulatorAt(URI.create("http://127.0.0.1:" + server.getAddress().getPort())).smsVoice();
        new EndUserMessagingSms(() -> sms, new EndUserMessagingSms.Config(null, null), A,
                new SmsDeliveries(dynamo, tables)).send(new SmsMessage("k", "f1", "c1", "+14255550156", "hi"));

        JsonNode body = FlowlineJson.read(new String(received.getFirst().body(), StandardCharsets.UTF_8), JsonNode.class);
        assertThat(body.has("OriginationIdentity")).isFalse();
        assertThat(body.has("ConfigurationSetName")).isFalse();
    }

    @Test
    void theStatusIsPendingUntilADeliveryEventIsRecorded(DynamoDbClient dynamo, FlowlineTables tables) {
        var sender = sender(dynamo, tables);
        String id = sender.send(new SmsMessage("k", "f1", "c1", "+14255550156", "hi"));
        assertThat(sender.status(id)).isEqualTo(SmsStatus.PENDING);

        new SmsDeliveries(dynamo, tables).record(A, id, SmsStatus.FAILED, Instant.parse("2026-03-02T10:00:00Z"));

        assertThat(sender.status(id)).isEqualTo(SmsStatus.FAILED);
    }

    private static String header(Received request, String name) {
        return request.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
    }

    /** The Authorization header the SDK's SigV4 signer gives the request as received, with the test's credentials. */
    private String signatureOf(Received request) {
        String authorization = header(request, "Authorization");
        String signedHeaders = authorization.replaceAll(".*SignedHeaders=([^,]+),.*", "$1");
        var rebuilt = SdkHttpFullRequest.builder().method(SdkHttpMethod.fromValue(request.method()))
                .uri(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + request.path()));
        Arrays.stream(signedHeaders.split(";")).filter(name -> !name.equals("x-amz-date"))
                .forEach(name -> rebuilt.putHeader(name, header(request, name)));
        Instant signedAt = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .parse(header(request, "X-Amz-Date"), Instant::from);
        return AwsV4HttpSigner.create().sign(sign -> sign.identity(AwsBasicCredentials.create("test", "test"))
                        .request(rebuilt.build()).payload(ContentStreamProvider.fromByteArray(request.body()))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sms-voice")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)))
                .request().firstMatchingHeader("Authorization").orElseThrow();
    }
}
