package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.action.NewRecord;
import dev.flowline.engine.action.NewTask;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.crm.AssociationInput;
import dev.flowline.engine.crm.CrmObject;
import dev.flowline.engine.crm.CrmObjectType;
import dev.flowline.engine.crm.CrmObjects;
import dev.flowline.engine.crm.CrmRejection;
import dev.flowline.engine.crm.ObjectRef;
import dev.flowline.engine.crm.StoredCrmRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CRM records and associations on DynamoDB Local: all-or-nothing writes, paging, archiving, accounts apart. */
@ExtendWith(LocalDynamoDb.class)
class DynamoCrmObjectStoreTest {

    private static final Account A = new Account("acme");
    private static final Account B = new Account("beta");
    private static final Instant T0 = Instant.parse("2026-11-23T10:15:30Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final ObjectRef ADA = ObjectRef.contact("c1");

    private record Stores(DynamoCrmObjectStore store, CrmObjects crm) {
    }

    private static Stores stores(DynamoDbClient dynamo, FlowlineTables tables, Account account) {
        var contacts = new DynamoContactStore(dynamo, tables, account);
        if (contacts.find("c1").isEmpty()) {
            contacts.create(new Contact("c1"));
        }
        var store = new DynamoCrmObjectStore(dynamo, tables, account);
        return new Stores(store, new CrmObjects(CLOCK, contacts, store));
    }

    @Test
    void aRecordIsStoredWithItsAssociationsBothWays(DynamoDbClient dynamo, FlowlineTables tables) {
        var a = stores(dynamo, tables, A);
        CrmObject acme = a.crm().create(CrmObjectType.COMPANY, "9", Map.of("name", "Acme", "domain", ""), List.of());

        CrmObject deal = a.crm().create(CrmObjectType.DEAL, "5", Map.of("dealname", "Big"),
                List.of(new AssociationInput(ADA, Set.of()), new AssociationInput(acme.ref(), Set.of(5))));

        assertThat(a.store().find(CrmObjectType.DEAL, "5")).contains(deal);
        assertThat(a.store().find(CrmObjectType.COMPANY, "9").orElseThrow().properties()).containsEntry("domain", "");
        assertThat(a.store().associations(deal.ref(), CrmObjectType.COMPANY, null, 10).items()).singleElement()
                .satisfies(association -> assertThat(association.typeIds()).containsExactly(5, 341));
        assertThat(a.store().associations(acme.ref(), CrmObjectType.DEAL, null, 10).items()).singleElement()
                .satisfies(association -> assertThat(association.typeIds()).containsExactly(6, 342));
        assertThat(a.store().associations(ADA, CrmObjectType.DEAL, null, 10).items()).singleElement()
                .satisfies(association -> assertThat(association.typeIds()).containsExactly(4));
    }

    @Test
    void anAssociationWithAMissingOrArchivedRecordWritesNothing(DynamoDbClient dynamo, FlowlineTables tables) {
        var a = stores(dynamo, tables, A);
        a.crm().create(CrmObjectType.COMPANY, "9", Map.of(), List.of());
        a.store().archive(CrmObjectType.COMPANY, "9", T0);

        for (String company : List.of("9", "404")) {
            assertThatThrownBy(() -> a.crm().create(CrmObjectType.TASK, "1", Map.of(), List.of(
                    new AssociationInput(ADA, Set.of()),
                    new AssociationInput(new ObjectRef(CrmObjectType.COMPANY, company), Set.of()))))
                    .isInstanceOf(CrmRejection.class);
        }

        assertThat(a.store().find(CrmObjectType.TASK, "1")).isEmpty();
        assertThat(a.store().associations(ADA, CrmObjectType.TASK, null, 10).items()).isEmpty();
    }

    @Test
    void aRedeliveredTaskOrRecordFindsTheOneItMade(DynamoDbClient dynamo, FlowlineTables tables) {
        var a = stores(dynamo, tables, A);
        var records = new StoredCrmRecords(CLOCK, a.crm());
        var task = new NewTask("e1#3", "f", "c1", "CALL", "Call Ada", "", "HIGH", "77", T0.plusSeconds(3600));

        String first = records.createTask(task);
        String again = records.createTask(task);
        String deal = records.createRecord(new NewRecord("e1#4", "f", "c1", "0-3", Map.of("dealname", "Big")));

        assertThat(again).isEqualTo(first).isEqualTo(CrmObjects.idFor("e1#3"));
        assertThat(a.store().page(CrmObjectType.TASK, null, 10).items()).singleElement().satisfies(stored ->
                assertThat(stored.properties()).containsEntry("hs_task_subject", "Call Ada")
                        .containsEntry("hs_task_status", "NOT_STARTED").containsEntry("hubspot_owner_id", "77")
                        .containsEntry("hs_timestamp", "2026-11-23T11:15:30Z"));
        assertThat(a.store().associations(ADA, CrmObjectType.TASK, null, 10).items())
                .extracting(association -> association.to().id()).containsExactly(first);
        assertThat(a.store().associations(ADA, CrmObjectType.DEAL, null, 10).items())
                .extracting(association -> association.to().id()).containsExactly(deal);
    }

    @Test
    void updatesMergePropertiesOfLiveRecordsOnly(DynamoDbClient dynamo, FlowlineTables tables) {
        var a = stores(dynamo, tables, A);
        a.crm().create(CrmObjectType.TICKET, "7", Map.of("subject", "Broken", "hs_pipeline_stage", "1"), List.of());

        CrmObject updated = a.store().update(CrmObjectType.TICKET, "7", Map.of("hs_pipeline_stage", "4"),
                T0.plusSeconds(60)).orElseThrow();

        assertThat(updated.properties()).containsEntry("subject", "Broken").containsEntry("hs_pipeline_stage", "4");
        assertThat(updated.updatedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(updated.createdAt()).isEqualTo(T0);
        assertThat(a.store().update(CrmObjectType.TICKET, "8", Map.of("subject", "x"), T0)).isEmpty();
        assertThat(a.store().find(CrmObjectType.TICKET, "8")).as("an update creates nothing").isEmpty();
    }

    @Test
    void archivingHidesTheRecordFromPagesAndRemovesItsAssociations(DynamoDbClient dynamo, FlowlineTables tables) {
        var a = stores(dynamo, tables, A);
        for (String id : List.of("1", "2", "3", "4", "5")) {
            a.crm().create(CrmObjectType.NOTE, id, Map.of("hs_note_body", "n" + id),
                    List.of(new AssociationInput(ADA, Set.of())));
        }

        assertThat(a.store().archive(CrmObjectType.NOTE, "2", T0)).isTrue();
        assertThat(a.store().archive(CrmObjectType.NOTE, "2", T0)).isFalse();
        assertThat(a.store().archive(CrmObjectType.NOTE, "3", T0)).isTrue();

        var first = a.store().page(CrmObjectType.NOTE, null, 2);
        var second = a.store().page(CrmObjectType.NOTE, first.next().orElseThrow(), 2);
        assertThat(first.items()).extracting(CrmObject::id).containsExactly("1", "4");
        assertThat(second.items()).extracting(CrmObject::id).containsExactly("5");
        assertThat(second.next()).isEmpty();
        assertThat(a.store().associations(ADA, CrmObjectType.NOTE, null, 10).items())
                .extracting(association -> association.to().id()).containsExactly("1", "4", "5");
        assertThat(a.store().findAll(CrmObjectType.NOTE, List.of("1", "2", "9")))
                .extracting(CrmObject::id).containsExactlyInAnyOrder("1", "2");
    }

    @Test
    void removingAContactsAssociationsLeavesTheRecordsAndOtherContacts(DynamoDbClient dynamo, FlowlineTables tables) {
        var a = stores(dynamo, tables, A);
        new DynamoContactStore(dynamo, tables, A).create(new Contact("c2"));
        CrmObject deal = a.crm().create(CrmObjectType.DEAL, "5", Map.of(), List.of(
                new AssociationInput(ADA, Set.of()), new AssociationInput(ObjectRef.contact("c2"), Set.of())));

        a.store().removeAllAssociations(ADA);

        assertThat(a.store().associations(ADA, CrmObjectType.DEAL, null, 10).items()).isEmpty();
        assertThat(a.store().associations(deal.ref(), CrmObjectType.CONTACT, null, 10).items())
                .extracting(association -> association.to().id()).containsExactly("c2");
        a.store().removeAssociation(deal.ref(), ObjectRef.contact("c2"));
        assertThat(a.store().associations(ObjectRef.contact("c2"), CrmObjectType.DEAL, null, 10).items()).isEmpty();
        assertThat(a.store().find(CrmObjectType.DEAL, "5")).isPresent();
    }

    @Test
    void anAccountNeverSeesNorChangesAnothersRecordsOrAssociations(DynamoDbClient dynamo, FlowlineTables tables) {
        var a = stores(dynamo, tables, A);
        var b = stores(dynamo, tables, B);
        a.crm().create(CrmObjectType.DEAL, "5", Map.of("dealname", "A's"), List.of(new AssociationInput(ADA, Set.of())));

        assertThat(b.store().find(CrmObjectType.DEAL, "5")).isEmpty();
        assertThat(b.store().findAll(CrmObjectType.DEAL, List.of("5"))).isEmpty();
        assertThat(b.store().page(CrmObjectType.DEAL, null, 10).items()).isEmpty();
        assertThat(b.store().associations(ADA, CrmObjectType.DEAL, null, 10).items()).isEmpty();
        assertThat(b.store().update(CrmObjectType.DEAL, "5", Map.of("dealname", "B's"), T0)).isEmpty();
        assertThat(b.store().archive(CrmObjectType.DEAL, "5", T0)).isFalse();
        assertThatThrownBy(() -> b.crm().associate(ADA, new ObjectRef(CrmObjectType.DEAL, "5"), Set.of()))
                .isInstanceOf(CrmRejection.class);
        b.store().removeAllAssociations(ADA);
        b.crm().create(CrmObjectType.DEAL, "5", Map.of("dealname", "B's"), List.of());

        assertThat(a.store().find(CrmObjectType.DEAL, "5").orElseThrow().properties()).containsEntry("dealname", "A's");
        assertThat(a.store().associations(ADA, CrmObjectType.DEAL, null, 10).items()).hasSize(1);
        assertThat(b.store().find(CrmObjectType.DEAL, "5").orElseThrow().properties()).containsEntry("dealname", "B's");
    }
}
