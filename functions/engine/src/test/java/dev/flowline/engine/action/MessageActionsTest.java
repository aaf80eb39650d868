package dev.flowline.engine.action;

import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.SingleConnectionAction;
import dev.flowline.engine.email.EmailMessage;
import dev.flowline.engine.email.EmailTemplate;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.simulation.InMemoryContactStore;
import dev.flowline.engine.simulation.InMemoryCrmObjectStore;
import dev.flowline.engine.simulation.InMemoryEmailTemplates;
import dev.flowline.engine.simulation.Outbox;
import dev.flowline.engine.simulation.SimulationReport;
import dev.flowline.engine.simulation.Simulator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.flowline.engine.action.ActionTesting.START;
import static dev.flowline.engine.action.ActionTesting.ZONE;
import static dev.flowline.engine.action.ActionTesting.action;
import static dev.flowline.engine.action.ActionTesting.contact;
import static dev.flowline.engine.action.ActionTesting.context;
import static dev.flowline.engine.action.ActionTesting.flow;
import static dev.flowline.engine.action.ActionTesting.lastOf;
import static dev.flowline.engine.action.ActionTesting.executor;
import static dev.flowline.engine.action.ActionTesting.setProperty;
import static org.assertj.core.api.Assertions.assertThat;

class MessageActionsTest {

    private final Simulator simulator = new Simulator(START, ZONE);

    {
        simulator.outbox().directory().withOwners("11", "12", "33").withTeam("22", "44");
    }

    private SimulationReport run(Flow flow, dev.flowline.engine.contact.Contact contact) {
        simulator.addFlow(flow).addContact(contact);
        simulator.enrol(flow.id(), contact.id());
        return simulator.runUntil(START.plus(Duration.ofHours(1)));
    }

    @Test
    void marketingEmailGoesToTheContactsAddressWithItsTemplateFilledIn() {
        simulator.outbox().emailTemplates().put(new EmailTemplate("4711", "Hello {{ contact.firstname }}",
                "<p>Dear {{contact.firstname}} of {{ contact.company }}, from {{ owner.email }}</p>",
                "Dear {{ contact.firstname }}", Instant.EPOCH, Instant.EPOCH));
        var report = run(flow("f", action("0-4", "{\"content_id\":\"4711\"}")), contact("c", "email",
                "ada@example.com", "firstname", "Ada", "company", "Bits & <Bytes>", "hubspot_owner_id", "11"));

        assertThat(report.outbox().marketingEmails()).singleElement().satisfies(email -> {
            assertThat(email.to()).isEqualTo("ada@example.com");
            assertThat(email.contentId()).isEqualTo("4711");
            assertThat(email.message()).isEqualTo(new EmailMessage("Hello Ada",
                    "<p>Dear Ada of Bits &amp; &lt;Bytes&gt;, from 11@example.com</p>", "Dear Ada"));
        });
        assertThat(lastOf(report, "f", "c", "1").kind()).isEqualTo(HistoryKind.ACTION_SUCCEEDED);
        assertThat(report.enrolments("f").getFirst().sentMarketingEmail()).isTrue();
    }

    @Test
    void aMarketingEmailWhoseTemplateDoesNotExistFailsWithItsIdAndSendsNothing() {
        var outbox = new Outbox();
        Flow flow = flow("f", action("0-4", "{\"content_id\":\"4711\"}"));
        var context = context(flow, contact("c", "email", "ada@example.com"), START).withTokens(
                new Tokens(outbox.directory(), new InMemoryContactStore(), new InMemoryCrmObjectStore()));

        StepResult result = MessageActions.marketingEmail(outbox, new InMemoryEmailTemplates())
                .execute((SingleConnectionAction) flow.action("1").orElseThrow(), context);

        assertThat(result).isInstanceOfSatisfying(StepResult.Next.class, next -> assertThat(next.outcome())
                .isEqualTo(StepResult.Outcome.failed("the email template 4711 does not exist in this account")));
        assertThat(outbox.marketingEmails()).isEmpty();
    }

    @Test
    void aTokenOfTheTemplateThatCannotBeFilledFailsTheEmail() {
        simulator.outbox().emailTemplates().put(new EmailTemplate("4711", "Hi", null,
                "From {{ company.name }}", Instant.EPOCH, Instant.EPOCH));
        var report = run(flow("f", action("0-4", "{\"content_id\":\"4711\"}")),
                contact("c", "email", "ada@example.com"));

        assertThat(report.outbox().marketingEmails()).isEmpty();
        assertThat(lastOf(report, "f", "c", "1").kind()).isEqualTo(HistoryKind.ACTION_FAILED);
        assertThat(lastOf(report, "f", "c", "1").detail())
                .isEqualTo("the token {{ company.name }} cannot be filled: it is not a token Flowline knows");
    }

    @Test
    void marketingEmailToAContactWithoutAddressFailsAndTheFlowGoesOn() {
        var report = run(flow("f", action("0-4", "{\"content_id\":\"4711\"}"), setProperty("after", "yes")),
                contact("c", "firstname", "Ada"));

        assertThat(report.outbox().marketingEmails()).isEmpty();
        assertThat(lastOf(report, "f", "c", "1").kind()).isEqualTo(HistoryKind.ACTION_FAILED);
        assertThat(lastOf(report, "f", "c", "1").detail()).isEqualTo("the contact has no email address");
        assertThat(simulator.contacts().find("c").orElseThrow().value("after")).contains("yes");
        assertThat(report.enrolments("f").getFirst().sentMarketingEmail()).isFalse();
    }

    @Test
    void anEmailWithCrlfIsRefusedSoNoHeaderCanBeInjected() {
        // a contact stored before addresses were checked on every path
        var report = run(flow("f", action("0-4", "{\"content_id\":\"4711\"}")),
                contact("c", "email", "ada@example.com\r\nBcc: eve@example.com"));

        assertThat(report.outbox().marketingEmails()).isEmpty();
        assertThat(lastOf(report, "f", "c", "1").kind()).isEqualTo(HistoryKind.ACTION_FAILED);
        assertThat(lastOf(report, "f", "c", "1").detail()).isEqualTo("the contact's email is not an address mail "
                + "can go to: an email address cannot hold control characters or whitespace: character 16 is U+000D");
    }

    @Test
    void marketingEmailIsNotSentToAnUnsubscribedContact() {
        var report = run(flow("f", action("0-4", "{\"content_id\":\"4711\"}")),
                contact("c", "email", "ada@example.com", "hs_email_optout", "true"));

        assertThat(report.outbox().marketingEmails()).isEmpty();
        assertThat(lastOf(report, "f", "c", "1").detail()).isEqualTo("the contact unsubscribed from all email");
    }

    @Test
    void marketingEmailIsNotSentToANonMarketingContact() {
        var report = run(flow("f", action("0-4", "{\"content_id\":\"4711\"}")),
                contact("c", "email", "ada@example.com", "hs_marketable_status", "false"));

        assertThat(report.outbox().marketingEmails()).isEmpty();
        assertThat(lastOf(report, "f", "c", "1").detail()).isEqualTo("the contact is not a marketing contact");
    }

    @Test
    void theSameStepRunTwiceSendsOneEmail() {
        var outbox = new Outbox();
        var executor = executor(outbox);
        Flow flow = flow("f", action("0-4", "{\"content_id\":\"4711\"}"));
        var context = context(flow, contact("c", "email", "ada@example.com"), START);

        executor.execute(flow.action("1").orElseThrow(), context);
        executor.execute(flow.action("1").orElseThrow(), context);

        assertThat(outbox.marketingEmails()).hasSize(1);
    }

    @Test
    void internalEmailGoesToUsersTeamsAndTheOwnersInTheChosenPropertiesWithTokensReplaced() {
        var report = run(flow("f", action("0-8", """
                        {"subject":"New lead: {{ enrolled_object.firstname }}",
                         "body":"<p>{{enrolled_object.email}} from {{ enrolled_object.company }}</p>",
                         "user_ids":["11"],"team_ids":[22],"owner_properties":["hubspot_owner_id","csm_owner"]}""")),
                contact("c", "email", "ada@example.com", "firstname", "Ada", "hubspot_owner_id", "33"));

        assertThat(report.outbox().internalEmails()).singleElement().satisfies(email -> {
            assertThat(email.to()).containsExactly("11@example.com", "44@example.com", "33@example.com");
            assertThat(email.subject()).isEqualTo("New lead: Ada");
            assertThat(email.body()).isEqualTo("<p>ada@example.com from </p>");
            assertThat(email.text()).isEqualTo("ada@example.com from");
        });
        assertThat(report.enrolments("f").getFirst().sentMarketingEmail()).isFalse();
    }

    @Test
    void internalEmailWithoutAnyRecipientFails() {
        var report = run(flow("f", action("0-8", """
                        {"subject":"s","body":"b","owner_properties":["hubspot_owner_id"]}""")),
                contact("c", "email", "ada@example.com"));

        assertThat(report.outbox().internalEmails()).isEmpty();
        assertThat(lastOf(report, "f", "c", "1").kind()).isEqualTo(HistoryKind.ACTION_FAILED);
    }

    @Test
    void internalEmailToAUserTeamOrOwnerTheDirectoryDoesNotHaveFailsAndSendsNothing() {
        for (String recipients : List.of("\"user_ids\":[\"11\",\"77\"]", "\"team_ids\":[\"88\"]",
                "\"owner_properties\":[\"hubspot_owner_id\"]")) {
            var report = run(flow("f", action("0-8", "{\"subject\":\"s\",\"body\":\"b\"," + recipients + "}")),
                    contact("c" + recipients.length(), "hubspot_owner_id", "99"));

            assertThat(lastOf(report, "f", "c" + recipients.length(), "1").kind()).isEqualTo(HistoryKind.ACTION_FAILED);
            assertThat(lastOf(report, "f", "c" + recipients.length(), "1").detail())
                    .matches("(user 77|team 88|owner 99) is not .*in the owner directory");
        }
        assertThat(simulator.outbox().internalEmails()).isEmpty();
    }

    @Test
    void inAppNotificationGoesToTheUsers() {
        var report = run(flow("f", action("0-9", """
                        {"user_ids":["11","12"],"delivery_method":"APP","subject":"Hot lead {{ enrolled_object.firstname }}",
                         "body":"Call now"}""")),
                contact("c", "firstname", "Ada"));

        assertThat(report.outbox().notifications()).singleElement().satisfies(note -> {
            assertThat(note.userIds()).containsExactly("11", "12");
            assertThat(note.deliveryMethod()).isEqualTo("APP");
            assertThat(note.subject()).isEqualTo("Hot lead Ada");
            assertThat(note.body()).isEqualTo("Call now");
            assertThat(note.emails()).containsExactly("11@example.com", "12@example.com");
        });
        assertThat(report.outbox().inbox("12", null, 10).items()).singleElement()
                .satisfies(note -> assertThat(note.subject()).isEqualTo("Hot lead Ada"));
    }

    @Test
    void inAppNotificationToAnUnknownUserFails() {
        var report = run(flow("f", action("0-9", """
                        {"user_ids":["11","404"],"delivery_method":"APP","subject":"s","body":"b"}""")),
                contact("c"));

        assertThat(lastOf(report, "f", "c", "1").detail()).isEqualTo("user 404 is not an active owner in the owner directory");
        assertThat(report.outbox().notifications()).isEmpty();
    }
}
