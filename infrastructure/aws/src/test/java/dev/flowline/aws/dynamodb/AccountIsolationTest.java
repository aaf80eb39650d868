package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.Page;
import dev.flowline.engine.idempotency.IdempotencyLedger;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.history.HistoryEntry;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.history.Metric;
import dev.flowline.engine.list.ContactList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two accounts with the same ids: each account's stores see and change only its own items. */
@ExtendWith(LocalDynamoDb.class)
class AccountIsolationTest {

    private static final Account A = new Account("acme");
    private static final Account B = new Account("beta");
    private static final Instant T0 = Instant.parse("2026-11-23T10:15:30Z");

    private static Flow flow(boolean enabled) {
        return Flow.parse("""
                {"id":"f1","type":"CONTACT_FLOW","objectTypeId":"0-1","flowType":"WORKFLOW","isEnabled":%s,
                 "name":"welcome","startActionId":"1","nextAvailableActionId":"2",
                 "actions":[{"type":"SINGLE_CONNECTION","actionId":"1","actionTypeVersion":0,"actionTypeId":"0-5",
                             "fields":{"property_name":"lifecyclestage","value":{"type":"STATIC_VALUE","staticValue":"lead"}}}],
                 "enrollmentCriteria":{"type":"MANUAL","shouldReEnroll":false}}
                """.formatted(enabled));
    }

    @Test
    void aFlowOfOneAccountIsInvisibleToAnother(DynamoDbClient dynamo, FlowlineTables tables) {
        new DynamoFlowStore(dynamo, tables, A).save(flow(true));
        var b = new DynamoFlowStore(dynamo, tables, B);

        assertThat(b.find("f1")).isEmpty();
        assertThat(b.enabledFlows()).isEmpty();
        assertThat(b.page(null, 10).items()).isEmpty();
        assertThat(b.revisions("f1")).isEmpty();
        b.save(flow(false));
        assertThat(new DynamoFlowStore(dynamo, tables, A).find("f1").orElseThrow().enabled()).isTrue();
        b.delete("f1");
        assertThat(new DynamoFlowStore(dynamo, tables, A).find("f1")).isPresent();
    }

    @Test
    void aContactOfOneAccountIsInvisibleToAnotherEvenByEmail(DynamoDbClient dynamo, FlowlineTables tables) {
        var ada = new Contact("c1");
        ada.setProperty("email", "ada@example.com", T0);
        new DynamoContactStore(dynamo, tables, A).create(ada);
        var b = new DynamoContactStore(dynamo, tables, B);

        assertThat(b.find("c1")).isEmpty();
        assertThat(b.findByEmail("ada@example.com")).isEmpty();
        assertThat(b.page(null, 10).items()).isEmpty();
        assertThat(b.scan(0, 1, null, 10).items()).isEmpty();
        b.delete("c1");
        assertThat(new DynamoContactStore(dynamo, tables, A).findByEmail("ADA@example.com")).isPresent();
    }

    @Test
    void aContactListingPagesOverOtherAccountsItems(DynamoDbClient dynamo, FlowlineTables tables) {
        var a = new DynamoContactStore(dynamo, tables, A);
        var b = new DynamoContactStore(dynamo, tables, B);
        for (int i = 0; i < 30; i++) {
            a.create(new Contact("a" + i));
            b.create(new Contact("b" + i));
        }
        var ids = new java.util.ArrayList<String>();
        String after = null;
        do {
            Page<Contact> page = a.page(after, 7);
            page.items().forEach(contact -> ids.add(contact.id()));
            after = page.next().orElse(null);
        } while (after != null);

        assertThat(ids).hasSize(30).allMatch(id -> id.startsWith("a")).doesNotHaveDuplicates();
    }

    @Test
    void enrolmentsLocksHistoriesListsMetricsAndEffectsAreKeptPerAccount(DynamoDbClient dynamo,
                                                                          FlowlineTables tables) {
        Enrolment enrolment = Enrolment.start("f1", "c1", 1, EnrolmentSource.TRIGGER, "1", T0);
        var a = new DynamoEnrolmentStore(dynamo, tables, A);
        var b = new DynamoEnrolmentStore(dynamo, tables, B);
        assertThat(a.create(enrolment)).isTrue();

        assertThat(b.find(enrolment.enrolmentId())).isEmpty();
        assertThat(b.ofContact("f1", "c1")).isEmpty();
        assertThat(b.activeOfContact("c1")).isEmpty();
        assertThat(b.enrolmentTimes("f1")).isEmpty();
        assertThat(b.create(enrolment)).as("the other account's active lock does not hold").isTrue();

        new DynamoHistory(dynamo, tables, A).append(new HistoryEntry(enrolment.enrolmentId(), "f1", "c1", T0,
                HistoryKind.ENROLLED, null, "Met the triggers"));
        assertThat(new DynamoHistory(dynamo, tables, B).ofContact("c1")).isEmpty();
        assertThat(new DynamoHistory(dynamo, tables, B).ofEnrolment(enrolment.enrolmentId())).isEmpty();

        var lists = new DynamoListStore(dynamo, tables, A);
        lists.create(new ContactList("l1", "vip", "MANUAL", null, T0, T0));
        lists.addMembers("l1", List.of("c1"));
        assertThat(new DynamoListStore(dynamo, tables, B).list("l1")).isEmpty();
        assertThat(new DynamoListStore(dynamo, tables, B).members("l1", null, 10).items()).isEmpty();

        new DynamoFlowMetrics(dynamo, tables, A).increment("f1", Metric.ENROLLED);
        assertThat(new DynamoFlowMetrics(dynamo, tables, B).snapshot("f1").enrolled()).isZero();

        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        assertThat(new EffectLedger(dynamo, tables, A, clock).claim("email:1")).isInstanceOf(IdempotencyLedger.Claim.Granted.class);
        assertThat(new EffectLedger(dynamo, tables, B, clock).claim("email:1")).isInstanceOf(IdempotencyLedger.Claim.Granted.class);
    }

    @Test
    void aStoreRefusesAnItemOfAnotherAccount() {
        assertThatThrownBy(() -> A.strip("beta#c1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Account("Not#Valid")).isInstanceOf(IllegalArgumentException.class);
    }
}
