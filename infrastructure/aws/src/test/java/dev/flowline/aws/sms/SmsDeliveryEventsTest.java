package dev.flowline.aws.sms;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.dynamodb.FlowlineTables;
import dev.flowline.aws.dynamodb.LocalDynamoDb;
import dev.flowline.engine.action.SmsStatus;
import dev.flowline.engine.json.FlowlineJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** End User Messaging SMS delivery events, as the bus hands them over, become each SMS's status. */
@ExtendWith(LocalDynamoDb.class)
class SmsDeliveryEventsTest {

    private static final Account A = new Account("a1");

    /** As AWS's documentation shows a delivered SMS's event, with the context Flowline sends. */
    private static JsonNode event(String status, boolean isFinal, String account) {
        return FlowlineJson.read("""
                {"version":"0","id":"5c0fa4f8-e4ba-ed02-6101-c795472fccd0",
                 "detail-type":"Text Message Delivery Status Updated","source":"aws.sms-voice",
                 "account":"111122223333","time":"2025-10-01T18:20:41Z","region":"us-east-1","resources":[],
                 "detail":{"eventType":"TEXT_%s","eventVersion":"1.0","eventTimestamp":1759342841377,"isFinal":%s,
                  "originationPhoneNumber":"+12065550152","destinationPhoneNumber":"+14255550156",
                  "messageId":"ed23196c-75ce-4727-93ee-7bf72b64998f","messageRequestTimestamp":1759342840978,
                  "messageEncoding":"GSM","messageType":"TRANSACTIONAL","messageStatus":"%s",
                  "messageStatusDescription":"...","context":%s,"totalMessageParts":1}}"""
                .formatted(status, isFinal, status, account == null ? "{}"
                        : "{\"flowline-account\":\"" + account + "\",\"flowline-idempotency-key\":\"e:1#2\"}"),
                JsonNode.class);
    }

    @Test
    void aFinalDeliveredOrSuccessfulEventIsDeliveredAndAnyOtherFinalOneFailed() {
        assertThat(SmsDeliveryEvents.isDeliveryEvent(event("DELIVERED", true, "a1"))).isTrue();
        assertThat(SmsDeliveryEvents.of(event("DELIVERED", true, "a1"))).contains(new SmsDeliveryEvents.Delivery(A,
                "ed23196c-75ce-4727-93ee-7bf72b64998f", SmsStatus.DELIVERED, Instant.ofEpochMilli(1759342841377L)));
        assertThat(SmsDeliveryEvents.of(event("SUCCESSFUL", true, "a1"))).get()
                .extracting(SmsDeliveryEvents.Delivery::status).isEqualTo(SmsStatus.DELIVERED);
        assertThat(SmsDeliveryEvents.of(event("CARRIER_UNREACHABLE", true, "a1"))).get()
                .extracting(SmsDeliveryEvents.Delivery::status).isEqualTo(SmsStatus.FAILED);
        assertThat(SmsDeliveryEvents.of(event("UNKNOWN", true, "a1"))).get()
                .extracting(SmsDeliveryEvents.Delivery::status).isEqualTo(SmsStatus.FAILED);
    }

    @Test
    void anInterimEventOrAMessageFlowlineDidNotSendTellsNothing() {
        assertThat(SmsDeliveryEvents.of(event("PENDING", false, "a1"))).isEmpty();
        assertThat(SmsDeliveryEvents.of(event("DELIVERED", true, null))).isEmpty();
    }

    @Test
    void aRecordedStatusIsWhatTheSenderReadsAndOnlyInItsAccount(DynamoDbClient dynamo, FlowlineTables tables) {
        var deliveries = new SmsDeliveries(dynamo, tables);
        var delivery = SmsDeliveryEvents.of(event("DELIVERED", true, "a1")).orElseThrow();
        assertThat(deliveries.status(A, delivery.messageId())).isEqualTo(SmsStatus.PENDING);

        deliveries.record(delivery.account(), delivery.messageId(), delivery.status(), delivery.at());

        assertThat(deliveries.status(A, delivery.messageId())).isEqualTo(SmsStatus.DELIVERED);
        assertThat(deliveries.status(new Account("b2"), delivery.messageId())).isEqualTo(SmsStatus.PENDING);
    }
}
