package dev.flowline.engine.enrolment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.InMemoryEngine;
import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.simulation.TestFlow;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.flowline.engine.simulation.TestFlow.event;
import static dev.flowline.engine.simulation.TestFlow.flow;
import static dev.flowline.engine.simulation.TestFlow.inList;
import static dev.flowline.engine.simulation.TestFlow.propertyIs;
import static org.assertj.core.api.Assertions.assertThat;

/** Whether a contact, as it is now, meets a flow's triggers. */
class TriggerMatchTest {

    private final InMemoryEngine engine = new InMemoryEngine();
    private final TriggerMatch triggers = new TriggerMatch(engine.engine.context());

    private boolean matches(TestFlow flow, Contact contact) {
        return triggers.matches(flow.build(), contact);
    }

    @Test
    void aListBasedFlowAsksItsFilterBranch() {
        var flow = flow("A").listBased(propertyIs("lifecyclestage", "customer"));

        assertThat(matches(flow, engine.contact("c1", "lifecyclestage", "customer"))).isTrue();
        assertThat(matches(flow, engine.contact("c2", "lifecyclestage", "lead"))).isFalse();
    }

    @Test
    void anEventBasedFlowAsksTheRecordedEventsThenTheRefinementCriteria() {
        var flow = flow("A").eventBased(false, propertyIs("country", "NL"), event("pe1_signup"));
        Contact dutch = engine.contact("c1", "country", "NL");
        Contact belgian = engine.contact("c2", "country", "BE");
        Contact silent = engine.contact("c3", "country", "NL");
        for (Contact contact : new Contact[] {dutch, belgian}) {
            contact.record(new ActivityEvent("pe1_signup", InMemoryEngine.NOW, Map.of()));
        }

        assertThat(matches(flow, dutch)).isTrue();
        assertThat(matches(flow, belgian)).as("the refinement criteria do not hold").isFalse();
        assertThat(matches(flow, silent)).as("no event fired").isFalse();
    }

    @Test
    void anEventBasedFlowOnJoiningAListAsksTheMemberships() {
        var flow = flow("A").onJoiningList("7", false);
        Contact member = engine.contact("c1");
        member.addToList("7");

        assertThat(matches(flow, member)).isTrue();
        assertThat(matches(flow, engine.contact("c2"))).isFalse();
        assertThat(triggers.matches(flow("B").listBased(inList("7")).build(), member)).isTrue();
    }

    @Test
    void manualScheduledDatasetAndUnknownFlowsHaveNoTriggersToMeet() {
        Contact contact = engine.contact("c1", "lifecyclestage", "customer");

        assertThat(matches(flow("M").manual(false), contact)).isFalse();
        assertThat(triggers.matches(customers("enrollmentCriteria", "{'type':'DATASET'}"), contact)).isFalse();
        assertThat(triggers.matches(customers("enrollmentCriteria", "{'type':'SOMETHING_NEW'}"), contact)).isFalse();
        assertThat(triggers.matches(customers("enrollmentCriteria", null), contact)).isFalse();
        assertThat(triggers.matches(customers("enrollmentSchedule",
                "{'type':'DAILY','timeOfDay':{'hour':9,'minute':0}}"), contact))
                .as("a scheduled flow enrols at its runs").isFalse();
        assertThat(triggers.matches(customers("enrollmentSchedule", null), contact)).isTrue();
    }

    /** A flow enrolling customers, with {@code field} set to {@code json} (single quotes for double), or removed. */
    private static Flow customers(String field, String json) {
        var tree = FlowlineJson.read(flow("A").listBased(propertyIs("lifecyclestage", "customer")).build().toJson(),
                ObjectNode.class);
        if (json == null) {
            tree.remove(field);
        } else {
            tree.set(field, FlowlineJson.read(json.replace('\'', '"'), JsonNode.class));
        }
        return FlowlineJson.read(tree, Flow.class);
    }
}
