package dev.flowline.functions.actionexecutor;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.aws.SampleFlows;
import dev.flowline.engine.action.InternalEmail;
import dev.flowline.engine.action.Mailer;
import dev.flowline.engine.action.MarketingEmail;
import dev.flowline.engine.action.Notification;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.owner.Owner;
import dev.flowline.engine.owner.Team;
import dev.flowline.engine.simulation.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotation to a team, an internal email and an in-app notification on the deployed wiring: the owner directory,
 * the round-robin counter and the inboxes in DynamoDB, each step delivered twice.
 */
@ExtendWith(EmbeddedAws.class)
class OwnerActionsOnAwsTest {

    private static final Instant START = Instant.parse("2026-11-23T10:15:00Z");

    private static String action(String id, String next, String typeId, String fields) {
        return """
                {"type":"SINGLE_CONNECTION","actionId":"%s","actionTypeVersion":0,"actionTypeId":"%s","fields":%s%s}"""
                .formatted(id, typeId, fields, next == null ? ""
                        : ",\"connection\":{\"edgeType\":\"STANDARD\",\"nextActionId\":\"" + next + "\"}");
    }

    @Test
    void aTeamRotationThenAnEmailAndANotificationToTheNewOwnerRunOnTheDirectory(EmbeddedAws.Environment aws) {
        var emails = new CopyOnWriteArrayList<InternalEmail>();
        AwsEngine engine = aws.engine().clock(new VirtualClock(START, ZoneOffset.UTC)).mailer(new Mailer() {
            @Override
            public void sendMarketingEmail(MarketingEmail email) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void sendInternalEmail(InternalEmail email) {
                emails.add(email);
            }
        }).build();
        var ports = engine.engine().ports();
        ports.owners().putTeam(new Team("t1", "West"));
        for (String id : List.of("61", "62")) {
            ports.owners().putOwner(new Owner(id, "owner" + id + "@example.com", "Owner", id, null,
                    List.of(new Owner.TeamMembership("t1", true)), START, START, false));
        }
        var flow = ports.flows().save(SampleFlows.flow("2001", SampleFlows.MANUAL, null,
                action("1", "2", "0-11", "{\"team_ids\":[\"t1\"],\"overwrite_current_owner\":\"true\"}"),
                action("2", "3", "0-8", """
                        {"subject":"New lead {{ contact.firstname }} for {{ owner.firstname }} {{ owner.lastname }}",
                         "body":"<p>Call {{ contact.email }}</p>","owner_properties":["hubspot_owner_id"]}"""),
                action("3", null, "0-9", """
                        {"user_ids":["61","62"],"delivery_method":"APP","subject":"{{ owner.email }} has a lead",
                         "body":"Ada"}""")));
        var executor = new ActionExecutorHandler(engine);
        for (String contactId : List.of("71", "72")) {
            var contact = new Contact(contactId);
            contact.setProperty(Contact.EMAIL, "lead" + contactId + "@example.com", START);
            contact.setProperty("firstname", "Lead" + contactId, START);
            ports.contacts().create(contact);
            engine.engine().enroller().enrol(flow, contact, EnrolmentSource.MANUAL);
            for (int step = 0; step < 3; step++) {
                SQSEvent batch = event(aws.drain(aws.config().stepQueueUrl()));
                assertThat(executor.handleRequest(batch, null).getBatchItemFailures()).isEmpty();
                assertThat(executor.handleRequest(batch, null).getBatchItemFailures()).isEmpty();
            }
        }

        assertThat(ports.contacts().find("71").orElseThrow().value("hubspot_owner_id")).contains("61");
        assertThat(ports.contacts().find("72").orElseThrow().value("hubspot_owner_id")).contains("62");
        assertThat(emails).extracting(email -> email.to() + " " + email.subject()).containsExactly(
                "[owner61@example.com] New lead Lead71 for Owner 61",
                "[owner62@example.com] New lead Lead72 for Owner 62");
        assertThat(ports.notifier().inbox("62", null, 10).items()).extracting(Notification::subject)
                .containsExactlyInAnyOrder("owner62@example.com has a lead", "owner61@example.com has a lead");
    }

    private static SQSEvent event(List<Message> messages) {
        var event = new SQSEvent();
        event.setRecords(messages.stream().map(m -> {
            var message = new SQSEvent.SQSMessage();
            message.setMessageId(m.messageId());
            message.setBody(m.body());
            return message;
        }).toList());
        return event;
    }
}
