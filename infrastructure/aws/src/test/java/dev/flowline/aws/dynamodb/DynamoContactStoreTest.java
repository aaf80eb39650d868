package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactEvent;
import dev.flowline.engine.contact.PropertyValue;
import dev.flowline.engine.contact.SubscriptionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

@ExtendWith(LocalDynamoDb.class)
class DynamoContactStoreTest {

    private static final Account ACCOUNT = new Account("a1");

    private static final Instant T0 = Instant.parse("2026-11-23T10:15:30.123456789Z");

    @Test
    void aContactRoundTripsWithHistoryListsEventsAndSubscriptions(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoContactStore(dynamo, tables, ACCOUNT);
        var contact = new Contact("c1");
        contact.setProperty("email", "Ada@Example.com", T0);
        contact.setProperty("lifecyclestage", "lead", T0);
        contact.setProperty("lifecyclestage", "", T0.plusSeconds(60));
        contact.setProperty("lifecyclestage", "customer", T0.plusSeconds(120));
        contact.addToList("178");
        contact.record(new ActivityEvent("4-1639801", T0, Map.of("hs_form_id", "f-1", "empty", "")));
        contact.subscribe("marketing", SubscriptionState.OPT_OUT);
        store.create(contact);

        Contact read = store.find("c1").orElseThrow();

        assertThat(read.history("lifecyclestage")).containsExactly(new PropertyValue("lead", T0),
                new PropertyValue(null, T0.plusSeconds(60)), new PropertyValue("customer", T0.plusSeconds(120)));
        assertThat(read.email()).contains("Ada@Example.com");
        assertThat(read.staticListIds()).containsExactly("178");
        assertThat(read.events()).containsExactly(contact.events().getFirst());
        assertThat(read.subscriptions()).isEqualTo(Map.of("marketing", SubscriptionState.OPT_OUT));
        assertThat(read.takeChanges()).isEmpty();
    }

    @Test
    void aMissingContactIsNotFound(DynamoDbClient dynamo, FlowlineTables tables) {
        assertThat(new DynamoContactStore(dynamo, tables, ACCOUNT).find("nobody")).isEmpty();
    }

    @Test
    void aSavedContactKeepsTheLatestVersionsOfEachPropertyAndTheLatestEvents(DynamoDbClient dynamo,
                                                                             FlowlineTables tables) {
        var store = new DynamoContactStore(dynamo, tables, ACCOUNT);
        var contact = new Contact("c1");
        int versions = DynamoContactStore.MAX_VERSIONS + 5;
        int events = DynamoContactStore.MAX_EVENTS + 10;
        for (int i = 0; i < versions; i++) {
            contact.setProperty("score", String.valueOf(i), T0.plusSeconds(i));
        }
        for (int i = 0; i < events; i++) {
            contact.record(new ActivityEvent("e-page-view", T0.plusSeconds(i), Map.of("n", String.valueOf(i))));
        }
        store.create(contact);

        Contact read = store.find("c1").orElseThrow();

        assertThat(read.history("score")).hasSize(DynamoContactStore.MAX_VERSIONS)
                .first().isEqualTo(new PropertyValue("5", T0.plusSeconds(5)));
        assertThat(read.value("score")).contains(String.valueOf(versions - 1));
        assertThat(read.events()).hasSize(DynamoContactStore.MAX_EVENTS)
                .first().extracting(e -> e.properties().get("n")).isEqualTo("10");
    }

    @Test
    void aKeptHistoryDoesNotBeginWithAClearedValue(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoContactStore(dynamo, tables, ACCOUNT);
        var contact = new Contact("c1");
        for (int i = 0; i <= DynamoContactStore.MAX_VERSIONS; i++) {
            contact.setProperty("phone", i % 2 == 0 ? "555-" + i : null, T0.plusSeconds(i));
        }
        store.create(contact);

        assertThat(store.find("c1").orElseThrow().history("phone"))
                .hasSize(DynamoContactStore.MAX_VERSIONS - 1)
                .first().isEqualTo(new PropertyValue("555-2", T0.plusSeconds(2)));
    }

    @Test
    void aContactIsFoundByItsEmailIgnoringCase(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoContactStore(dynamo, tables, ACCOUNT);
        var ada = new Contact("c1");
        ada.setProperty("email", "Ada@Example.com", T0);
        store.create(ada);
        var noEmail = new Contact("c2");
        noEmail.setProperty("firstname", "Grace", T0);
        store.create(noEmail);

        assertThat(store.findByEmail("ada@EXAMPLE.com")).map(Contact::id).contains("c1");
        assertThat(store.findByEmail("grace@example.com")).isEmpty();
    }

    @Test
    void aChangedEmailFindsTheContactOnlyByItsNewEmail(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoContactStore(dynamo, tables, ACCOUNT);
        var contact = new Contact("c1");
        contact.setProperty("email", "old@example.com", T0);
        store.create(contact);
        contact.setProperty("email", "new@example.com", T0.plusSeconds(1));
        store.save(contact);

        assertThat(store.findByEmail("old@example.com")).isEmpty();
        assertThat(store.findByEmail("new@example.com")).map(Contact::id).contains("c1");
    }

    @Test
    void deletingAContactRemovesItCompletely(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoContactStore(dynamo, tables, ACCOUNT);
        var contact = new Contact("c1");
        contact.setProperty("email", "ada@example.com", T0);
        store.create(contact);

        store.delete("c1");

        assertThat(store.find("c1")).isEmpty();
        assertThat(store.findByEmail("ada@example.com")).isEmpty();
        assertThat(dynamo.scan(b -> b.tableName(tables.contacts())).items()).isEmpty();
    }

    @Test
    void twoWritersThatReadTheSameVersionBothKeepTheirChanges(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoContactStore(dynamo, tables, ACCOUNT);
        var contact = new Contact("c1");
        contact.setProperty("email", "ada@example.com", T0);
        store.create(contact);
        Contact api = store.find("c1").orElseThrow();
        Contact action = store.find("c1").orElseThrow();
        api.setProperty("firstname", "Ada", T0.plusSeconds(1));
        action.setProperty("lifecyclestage", "customer", T0.plusSeconds(2));
        action.record(new ActivityEvent("e-1", T0.plusSeconds(2), Map.of()));

        store.save(api);
        store.save(action);

        Contact stored = store.find("c1").orElseThrow();
        assertThat(stored.value("firstname")).contains("Ada");
        assertThat(stored.value("lifecyclestage")).contains("customer");
        assertThat(stored.events()).extracting(ActivityEvent::eventTypeId).containsExactly("e-1");
        assertThat(stored.version()).isEqualTo(3);
    }

    @Test
    void contactsSavedTogetherKeepTheChangesOthersMadeSinceTheyWereReadAndBringNoDeletedOneBack(
            DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoContactStore(dynamo, tables, ACCOUNT);
        for (int i = 0; i < 120; i++) {
            var contact = new Contact("c" + i);
            contact.setProperty("email", "c" + i + "@example.com", T0);
            store.create(contact);
        }
        List<Contact> read = IntStream.range(0, 120).mapToObj(i -> store.find("c" + i).orElseThrow()).toList();
        Contact meanwhile = store.find("c60").orElseThrow();
        meanwhile.setProperty("firstname", "Ada", T0.plusSeconds(1));
        store.save(meanwhile);
        store.delete("c61");
        read.forEach(contact -> contact.record(new ActivityEvent("enrolled", T0.plusSeconds(2), Map.of())));

        store.saveAll(read);

        assertThat(IntStream.range(0, 120).filter(i -> i != 61).mapToObj(i -> store.find("c" + i).orElseThrow()))
                .allSatisfy(contact -> assertThat(contact.events()).extracting(ActivityEvent::eventTypeId)
                        .containsExactly("enrolled"));
        assertThat(store.find("c60").orElseThrow().value("firstname")).contains("Ada");
        assertThat(store.find("c61")).isEmpty();
        assertThat(store.find("c0").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void aSaveAfterTheContactWasDeletedDoesNotBringItBack(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoContactStore(dynamo, tables, ACCOUNT);
        var contact = new Contact("c1");
        contact.setProperty("email", "ada@example.com", T0);
        store.create(contact);
        Contact read = store.find("c1").orElseThrow();
        store.delete("c1");
        read.record(new ActivityEvent("e-1", T0, Map.of()));

        assertThat(store.save(read)).isEmpty();
        assertThat(store.find("c1")).isEmpty();
        assertThat(store.findByEmail("ada@example.com")).isEmpty();
    }

    @Test
    void aContactIsCreatedOnlyOnce(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoContactStore(dynamo, tables, ACCOUNT);
        store.create(new Contact("c1"));

        assertThatThrownBy(() -> store.create(new Contact("c1"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aContactStoredWithoutAVersionIsSavedOnlyAtTheStateItWasReadIn(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoContactStore(dynamo, tables, ACCOUNT);
        store.create(new Contact("c1"));
        dynamo.updateItem(b -> b.tableName(tables.contacts()).key(Map.of("contactId", fromS(ACCOUNT.key("c1"))))
                .updateExpression("REMOVE ver"));
        Contact first = store.find("c1").orElseThrow();
        Contact second = store.find("c1").orElseThrow();
        first.setProperty("firstname", "Ada", T0);
        second.setProperty("lastname", "Lovelace", T0);

        store.save(first);
        store.save(second);

        Contact stored = store.find("c1").orElseThrow();
        assertThat(stored.value("firstname")).contains("Ada");
        assertThat(stored.value("lastname")).contains("Lovelace");
    }

    @Test
    void eventsSavedWithWritesStayPendingThroughWritesWithoutEventsUntilPublished(DynamoDbClient dynamo,
                                                                                FlowlineTables tables) {
        var store = new DynamoContactStore(dynamo, tables, ACCOUNT);
        var contact = new Contact("c1");
        contact.setProperty("email", "ada@example.com", T0);
        ContactEvent created = ContactEvent.changed(Set.of("email"), T0);
        store.create(contact, List.of(created));
        Contact byAction = store.find("c1").orElseThrow();
        byAction.setProperty("firstname", "Ada", T0.plusSeconds(1));
        store.save(byAction);
        Contact byApi = store.find("c1").orElseThrow();
        byApi.setProperty("lifecyclestage", "lead", T0.plusSeconds(2));
        ContactEvent updated = ContactEvent.changed(Set.of("lifecyclestage", "lastmodifieddate"), T0.plusSeconds(2));
        store.save(byApi, List.of(updated));

        assertThat(store.pendingEvents("c1")).containsExactly(created, updated);
        store.published("c1", List.of(created));

        assertThat(store.pendingEvents("c1")).containsExactly(updated);
        Contact stored = store.find("c1").orElseThrow();
        assertThat(stored.value("firstname")).contains("Ada");
        assertThat(stored.value("lifecyclestage")).contains("lead");
    }

    @Test
    void anActivitySavedAsAPendingEventComesBackWholeAndIsPublishedByItsOwnId(DynamoDbClient dynamo,
                                                                             FlowlineTables tables) {
        var store = new DynamoContactStore(dynamo, tables, ACCOUNT);
        ActivityEvent joined = new ActivityEvent("fl-list-membership", T0,
                Map.of("hs_list_id", "7", "hs_change", "ADDED"));
        ContactEvent created = ContactEvent.changed(Set.of("email"), T0);
        ContactEvent listed = ContactEvent.of(joined, T0);
        store.create(new Contact("c1"), List.of(created, listed));

        // events of one instant are ordered by id
        assertThat(store.pendingEvents("c1")).containsExactlyInAnyOrder(created, listed);
        assertThat(store.pendingEvents("c1")).filteredOn(event -> event.activity() != null).singleElement()
                .satisfies(event -> assertThat(event.activity()).isEqualTo(joined));
        store.published("c1", List.of(listed));

        assertThat(store.pendingEvents("c1")).containsExactly(created);
    }

    @Test
    void theLastEventPublishedTakesTheContactOutOfThePendingIndex(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoContactStore(dynamo, tables, ACCOUNT);
        var pending = new PendingContactEvents(dynamo, tables);
        ContactEvent created = ContactEvent.changed(Set.of("email"), T0);
        store.create(new Contact("c1"), List.of(created));
        assertThat(pending.any()).isTrue();

        store.published("c1", List.of(created));

        assertThat(pending.any()).isFalse();
        assertThat(dynamo.getItem(b -> b.tableName(tables.contacts())
                .key(Map.of("contactId", fromS(ACCOUNT.key("c1"))))).item())
                .containsKeys("contactId", "doc", "ver").doesNotContainKeys("pending", "pendingShard", "pendingSince");
    }

    @Test
    void publishingTheEventsOfADeletedContactDoesNotBringItBack(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoContactStore(dynamo, tables, ACCOUNT);
        ContactEvent created = ContactEvent.changed(Set.of("email"), T0);
        store.create(new Contact("c1"), List.of(created));
        store.delete("c1");

        store.published("c1", List.of(created));

        assertThat(store.pendingEvents("c1")).isEmpty();
        assertThat(dynamo.scan(b -> b.tableName(tables.contacts())).items()).isEmpty();
    }
}
