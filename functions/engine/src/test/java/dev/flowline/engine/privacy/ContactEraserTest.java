package dev.flowline.engine.privacy;

import dev.flowline.engine.InMemoryEngine;
import dev.flowline.engine.crm.AssociationInput;
import dev.flowline.engine.crm.CrmObjectType;
import dev.flowline.engine.crm.ObjectRef;
import dev.flowline.engine.criteria.ListDefinition;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.enrolment.UnenrolmentReason;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.list.ContactList;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.flowline.engine.simulation.TestFlow.delayDays;
import static dev.flowline.engine.simulation.TestFlow.flow;
import static dev.flowline.engine.simulation.TestFlow.marketingEmail;
import static org.assertj.core.api.Assertions.assertThat;

/** A privacy deletion, over the ports: nothing stored names the contact afterwards, other contacts keep theirs. */
class ContactEraserTest {

    private final InMemoryEngine engine = new InMemoryEngine();

    @Test
    void anErasedContactLeavesNothingBehindButTheFlowsCounters() {
        var flow = flow("A").manual(false).actions(marketingEmail("1", "2", "welcome"), delayDays("2", null, 3))
                .build();
        engine.flows.put(flow);
        var list = new ContactList("7", "VIP", ListDefinition.MANUAL, null, InMemoryEngine.NOW, InMemoryEngine.NOW);
        engine.lists.create(list);
        engine.engine.listMemberships().add(list, List.of(engine.contact("c1"), engine.contact("c2")));
        for (String contactId : List.of("c1", "c2")) {
            engine.engine.enroller().enrol(flow, engine.contacts.find(contactId).orElseThrow(), EnrolmentSource.MANUAL);
        }
        engine.runSteps();
        var deal = engine.engine.ports().crm().create(CrmObjectType.DEAL, "d1", Map.of("dealname", "Big"),
                List.of(new AssociationInput(ObjectRef.contact("c1"), Set.of()),
                        new AssociationInput(ObjectRef.contact("c2"), Set.of())));
        String enrolmentId = engine.enrolments.ofContact("A", "c1").getFirst().enrolmentId();
        assertThat(engine.ledger.keys()).as("the email claimed its key").anyMatch(key -> key.contains(enrolmentId));

        engine.engine.contactEraser().erase("c1");

        assertThat(engine.contacts.find("c1")).isEmpty();
        assertThat(engine.enrolments.allOfContact("c1")).isEmpty();
        assertThat(engine.enrolments.find(enrolmentId)).isEmpty();
        assertThat(engine.history.ofContact("c1")).isEmpty();
        assertThat(engine.history.ofEnrolment(enrolmentId)).isEmpty();
        assertThat(engine.ledger.keys()).noneMatch(key -> key.contains(enrolmentId));
        assertThat(engine.lists.members("7", null, 10).items()).containsExactly("c2");
        assertThat(engine.crm.associations(ObjectRef.contact("c1"), CrmObjectType.DEAL, null, 10).items()).isEmpty();
        assertThat(engine.crm.associations(deal.ref(), CrmObjectType.CONTACT, null, 10).items())
                .as("the deal stays, with its other contact").extracting(a -> a.to().id()).containsExactly("c2");
        assertThat(engine.metrics.snapshot("A").enrolled()).as("the counters are aggregates and stay").isEqualTo(2);
        assertThat(engine.metrics.snapshot("A").unenrolledByReason())
                .containsEntry(UnenrolmentReason.CONTACT_DELETED, 1L);
        assertThat(engine.enrolments.allOfContact("c2")).singleElement()
                .satisfies(enrolment -> assertThat(enrolment.isActive()).isTrue());
        assertThat(engine.history.ofContact("c2")).extracting(entry -> entry.kind()).contains(HistoryKind.ENROLLED);
    }

    @Test
    void erasingAContactThatIsNotThereChangesNothing() {
        engine.contact("c2");

        engine.engine.contactEraser().erase("c1");

        assertThat(engine.contacts.find("c2")).isPresent();
    }
}
