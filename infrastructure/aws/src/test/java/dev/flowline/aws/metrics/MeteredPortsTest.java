package dev.flowline.aws.metrics;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.dynamodb.DynamoActivationProgress;
import dev.flowline.aws.dynamodb.DynamoSmsQuota;
import dev.flowline.aws.dynamodb.FlowlineTables;
import dev.flowline.aws.dynamodb.LocalDynamoDb;
import dev.flowline.engine.action.SmsMessage;
import dev.flowline.engine.action.SmsSender;
import dev.flowline.engine.action.SmsStatus;
import dev.flowline.engine.activation.ActivationRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(LocalDynamoDb.class)
class MeteredPortsTest {

    private static final Account ACCOUNT = new Account("a1");
    private static final Instant STARTED = Instant.parse("2026-12-02T10:00:00Z");

    private final Map<String, Long> counted = new ConcurrentHashMap<>();
    private final OperationalMetrics metrics = (name, n) -> counted.merge(name, n, Long::sum);

    /** Takes every message but those to a number it refuses, and answers some with errors worth a new attempt. */
    private static final class Provider implements SmsSender {

        @Override
        public String send(SmsMessage message) {
            return switch (message.phoneNumber()) {
                case "+15550000000" -> throw failure(400, "ValidationException", "the destination opted out");
                case "+15550000001" -> throw failure(400, "ThrottlingException", "rate exceeded");
                case "+15550000002" -> throw failure(500, "InternalServerException", "try again");
                case "+15550000003" -> throw SdkClientException.create("no answer");
                default -> "m-" + message.idempotencyKey();
            };
        }

        private static AwsServiceException failure(int status, String code, String message) {
            return AwsServiceException.builder().statusCode(status).message(message)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
        }

        @Override
        public SmsStatus status(String messageId) {
            return SmsStatus.DELIVERED;
        }
    }

    private static SmsMessage sms(String key, String phone) {
        return new SmsMessage(key, "f1", "c1", phone, "Hello");
    }

    @Test
    void smsAreCountedSentRefusedButNotWhenWorthAnotherAttemptAndOverTheCap(DynamoDbClient dynamo, FlowlineTables tables) {
        SmsSender sender = MeteredPorts.sms(new Provider(), metrics);
        var quota = MeteredPorts.smsQuota(new DynamoSmsQuota(dynamo, tables, ACCOUNT), metrics);
        YearMonth month = YearMonth.of(2026, 12);

        sender.send(sms("k1", "+15551234567"));
        for (String phone : List.of("+15550000000", "+15550000001", "+15550000002", "+15550000003")) {
            assertThatThrownBy(() -> sender.send(sms("k-" + phone, phone))).as(phone).isInstanceOf(SdkException.class);
        }
        assertThat(quota.reserve(month, 1, "k1")).isTrue();
        assertThat(quota.reserve(month, 1, "k1")).as("the same key again").isTrue();
        assertThat(quota.reserve(month, 1, "k3")).isFalse();

        assertThat(counted).containsExactlyInAnyOrderEntriesOf(Map.of(MeteredPorts.SMS_SENT, 1L,
                MeteredPorts.SMS_REFUSED, 1L, MeteredPorts.SMS_OVER_CAP, 1L));
    }

    @Test
    void anActivationRunIsCountedOnceHoweverOftenItIsDelivered(DynamoDbClient dynamo, FlowlineTables tables) {
        var progress = MeteredPorts.activationProgress(new DynamoActivationProgress(dynamo, tables, ACCOUNT,
                Clock.fixed(STARTED, ZoneOffset.UTC)), metrics);
        progress.start("f1", STARTED, 16);
        var run = new ActivationRun("f1", STARTED, 3, null, 100, 30, true);

        progress.count(run);
        progress.count(run);

        assertThat(counted).containsExactlyInAnyOrderEntriesOf(Map.of(MeteredPorts.ACTIVATION_SEGMENTS_DONE, 1L,
                MeteredPorts.ACTIVATION_CONTACTS_SCANNED, 100L, MeteredPorts.ACTIVATION_CONTACTS_ENROLLED, 30L));
    }
}
