package dev.flowline.engine.crm;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.simulation.InMemoryContactStore;
import dev.flowline.engine.simulation.InMemoryCrmObjectStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Records and associations as HubSpot's API writes them: checked, both ways, all or nothing. */
class CrmObjectsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final InMemoryCrmObjectStore store = new InMemoryCrmObjectStore();
    private final CrmObjects crm = new CrmObjects(Clock.fixed(NOW, ZoneOffset.UTC), contacts, store);
    private final ObjectRef ada = ObjectRef.contact("c1");

    CrmObjectsTest() {
        contacts.create(new Contact("c1"));
    }

    private CrmObject company(String id) {
        return crm.create(CrmObjectType.COMPANY, id, Map.of("name", "Acme"), List.of());
    }

    private List<Association> of(ObjectRef from, CrmObjectType type) {
        return store.associations(from, type, null, 100).items();
    }

    @Test
    void aPrimaryCompanyIsAlsoUnlabeledAndTheCompanySeesTheContactWithTheInverseTypes() {
        CrmObject acme = company("9");

        crm.associate(ada, acme.ref(), Set.of(1));

        assertThat(of(ada, CrmObjectType.COMPANY)).singleElement()
                .satisfies(a -> assertThat(a.typeIds()).containsExactly(1, 279));
        assertThat(of(acme.ref(), CrmObjectType.CONTACT)).singleElement().satisfies(a -> {
            assertThat(a.to()).isEqualTo(ada);
            assertThat(a.typeIds()).containsExactly(2, 280);
        });
    }

    @Test
    void aRecordIsCreatedWithItsAssociationsAndARepeatOfItsIdReturnsTheFirst() {
        CrmObject deal = crm.create(CrmObjectType.DEAL, "5", Map.of("dealname", "Big"),
                List.of(new AssociationInput(ada, Set.of())));
        CrmObject again = crm.create(CrmObjectType.DEAL, "5", Map.of("dealname", "Other"),
                List.of(new AssociationInput(ada, Set.of())));

        assertThat(again).isEqualTo(deal);
        assertThat(again.properties()).containsEntry("dealname", "Big");
        assertThat(of(ada, CrmObjectType.DEAL)).singleElement()
                .satisfies(a -> assertThat(a.typeIds()).containsExactly(4));
        assertThat(of(deal.ref(), CrmObjectType.CONTACT)).singleElement()
                .satisfies(a -> assertThat(a.typeIds()).containsExactly(3));
    }

    @Test
    void anAssociationWithAMissingRecordOrContactOrOfAnUnknownTypeWritesNothing() {
        assertThatThrownBy(() -> crm.create(CrmObjectType.TASK, "1", Map.of(),
                List.of(new AssociationInput(ada, Set.of()),
                        new AssociationInput(new ObjectRef(CrmObjectType.COMPANY, "404"), Set.of()))))
                .isInstanceOf(CrmRejection.class).hasMessage("there is no company 404");
        assertThatThrownBy(() -> crm.create(CrmObjectType.TASK, "1", Map.of(),
                List.of(new AssociationInput(ObjectRef.contact("nobody"), Set.of()))))
                .isInstanceOf(CrmRejection.class).hasMessage("there is no contact nobody");
        assertThatThrownBy(() -> crm.create(CrmObjectType.TASK, "1", Map.of(),
                List.of(new AssociationInput(ada, Set.of(1)))))
                .isInstanceOf(CrmRejection.class).hasMessage("there is no association type 1 from tasks to contacts");
        assertThatThrownBy(() -> crm.create(CrmObjectType.TASK, "1", Map.of("Bad Name", "x"), List.of()))
                .isInstanceOf(CrmRejection.class).hasMessageStartingWith("property Bad Name:");

        assertThat(store.find(CrmObjectType.TASK, "1")).isEmpty();
        assertThat(of(ada, CrmObjectType.TASK)).isEmpty();
    }

    @Test
    void anArchivedRecordLosesItsAssociationsAndCannotBeAssociatedAgain() {
        CrmObject acme = company("9");
        crm.associate(ada, acme.ref(), Set.of());

        assertThat(store.archive(CrmObjectType.COMPANY, "9", NOW.plusSeconds(60))).isTrue();

        assertThat(of(ada, CrmObjectType.COMPANY)).isEmpty();
        assertThat(store.page(CrmObjectType.COMPANY, null, 10).items()).isEmpty();
        assertThat(store.find(CrmObjectType.COMPANY, "9")).hasValueSatisfying(c -> assertThat(c.archived()).isTrue());
        assertThat(store.update(CrmObjectType.COMPANY, "9", Map.of("name", "x"), NOW)).isEmpty();
        assertThatThrownBy(() -> crm.associate(ada, acme.ref(), Set.of())).isInstanceOf(CrmRejection.class);
    }

    @Test
    void theRecordsOfATypeAssociatedWithAContactPageInIdOrder() {
        for (String id : List.of("3", "1", "2")) {
            crm.create(CrmObjectType.TICKET, id, Map.of(), List.of(new AssociationInput(ada, Set.of())));
        }
        company("9");
        crm.associate(ada, new ObjectRef(CrmObjectType.COMPANY, "9"), Set.of());

        var first = store.associations(ada, CrmObjectType.TICKET, null, 2);
        var second = store.associations(ada, CrmObjectType.TICKET, first.next().orElseThrow(), 2);

        assertThat(first.items()).extracting(a -> a.to().id()).containsExactly("1", "2");
        assertThat(second.items()).extracting(a -> a.to().id()).containsExactly("3");
        assertThat(second.next()).isEmpty();
    }

    @Test
    void idsMadeFromAnIdempotencyKeyAreTheSameForTheSameKeyOnly() {
        assertThat(CrmObjects.idFor("e1#3")).isEqualTo(CrmObjects.idFor("e1#3")).isNotEqualTo(CrmObjects.idFor("e1#4"))
                .matches("[1-9][0-9]{12,18}");
    }

    @Test
    void objectTypesAreNamedByIdPluralOrSingular() {
        assertThat(List.of("0-27", "tasks", "task", "TASKS")).allSatisfy(name ->
                assertThat(CrmObjectType.named(name)).contains(CrmObjectType.TASK));
        assertThat(CrmObjectType.named("0-46")).contains(CrmObjectType.NOTE);
        assertThat(CrmObjectType.named("2-123")).isEmpty();
    }
}
