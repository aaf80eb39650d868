package dev.flowline.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.SampleFlows;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.criteria.ListDefinition;
import dev.flowline.engine.journey.JourneyEnrolment;
import dev.flowline.engine.journey.JourneyEnrolmentStatus;
import dev.flowline.engine.journey.JourneyMove;
import dev.flowline.engine.list.ContactList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static dev.flowline.local.Eventually.await;
import static dev.flowline.local.FlowJson.action;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A customer journey through the whole local runtime, driven over HTTP on the development clock: three stages
 * and a goal exit. Contacts enrol and move as their property changes, through the API or through the journey's
 * own "go to" actions; one goes back a stage, one leaves by another exit, one reaches the goal; the figures and
 * the logs say so.
 */
class JourneyEndToEndTest {

    /**
     * Stage "new": welcome email, one day, go to "engaged". Stage "engaged": offer email, two days, go to the goal.
     * Stage "stalled": nudge email, back to "new". Exits: "won" (goal, value customer, list 200), "lost".
     */
    private static final String JOURNEY = """
            {"name":"Onboarding","propertyName":"journey_stage","enrollmentListIds":["100"],"enrollEmptyValue":false,
             "stages":[
              {"stageId":"new","name":"New","propertyValue":"new","actions":[%s,%s,%s]},
              {"stageId":"engaged","name":"Engaged","propertyValue":"engaged","actions":[%s,%s,%s]},
              {"stageId":"stalled","name":"Stalled","propertyValue":"stalled","actions":[%s,%s]}],
             "exits":[{"exitId":"won","name":"Customer","goal":true,"propertyValue":"customer","staticListId":"200"},
                      {"exitId":"lost","name":"Lost","goal":false,"propertyValue":"lost"}]}"""
            .formatted(email("a1", "a2", "welcome"), delayDays("a2", "a3", 1), goTo("a3", "stageId", "engaged"),
                    email("b1", "b2", "offer"), delayDays("b2", "b3", 2), goTo("b3", "exitId", "won"),
                    email("c1", "c2", "nudge"), goTo("c2", "stageId", "new"));

    @RegisterExtension
    static final LocalRuntimeExtension local = new LocalRuntimeExtension();

    @BeforeAll
    static void putEmailTemplates() {
        SampleFlows.putEmailTemplates(local.runtime().engine(), "welcome", "offer", "nudge");
    }

    @Test
    void contactsMoveThroughStagesAsTheirPropertyChangesAndTheFiguresAndLogsSaySo() {
        DevClock clock = local.clock();
        for (String id : List.of("ada", "bob", "cy", "dan")) {
            var contact = new Contact(id);
            contact.setProperty("email", id + "@example.com", clock.instant());
            if (!id.equals("dan")) {
                contact.addToList("100");
            }
            local.runtime().engine().engine().ports().contacts().create(contact);
        }
        local.runtime().engine().engine().ports().lists().create(new ContactList("200", "Customers", ListDefinition.MANUAL,
                null, clock.instant(), clock.instant()));
        JsonNode created = local.api().call("POST", "/flowline/v1/journeys", JOURNEY, 201);
        String id = created.path("id").asText();
        local.api().call("POST", "/flowline/v1/journeys/" + id + "/publish", null, 200);

        for (String contact : List.of("ada", "bob", "cy", "dan")) {
            stage(contact, "new");
        }
        for (String contact : List.of("ada", "bob", "cy")) {
            waiting(id, contact, "new", "a3");
        }

        stage("cy", "engaged");
        waiting(id, "cy", "engaged", "b3");
        stage("bob", "stalled");
        await("bob is stalled, then goes back to new", () -> enrolment(id, "bob", e -> e.moves().size() == 3));
        waiting(id, "bob", "new", "a3");
        stage("bob", "lost");
        await("bob leaves by the lost exit", () -> enrolment(id, "bob", e -> "lost".equals(e.exitId())));

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        waiting(id, "ada", "engaged", "b3");
        clock.advance(Duration.ofDays(1));
        await("two days after entering engaged, cy reaches the goal",
                () -> enrolment(id, "cy", e -> e.status() == JourneyEnrolmentStatus.EXITED));
        await("the goal exit adds cy to its list",
                () -> local.runtime().engine().engine().ports().contacts().find("cy").filter(cy -> cy.inStaticList("200")));

        assertThat(local.runtime().engine().engine().journeys().enrolment(id, "dan")).as("not in an enrolment list").isEmpty();
        assertThat(moves(id, "bob")).extracting(JourneyMove::kind, JourneyMove::to).containsExactly(
                tuple(JourneyMove.Kind.ENROLLED, "new"), tuple(JourneyMove.Kind.STAGE, "stalled"),
                tuple(JourneyMove.Kind.STAGE, "new"), tuple(JourneyMove.Kind.EXIT, "lost"));
        assertThat(moves(id, "ada")).extracting(JourneyMove::kind, JourneyMove::to).containsExactly(
                tuple(JourneyMove.Kind.ENROLLED, "new"), tuple(JourneyMove.Kind.STAGE, "engaged"));

        JsonNode metrics = local.api().call("GET", "/flowline/v1/journeys/" + id + "/metrics", null, 200);
        assertThat(metrics.path("eligible").asLong()).isEqualTo(3);
        assertThat(metrics.path("enrolled").asLong()).isEqualTo(3);
        assertThat(metrics.path("succeeded").asLong()).isEqualTo(1);
        assertThat(metrics.path("failed").asLong()).isEqualTo(1);
        assertThat(metrics.path("active").asLong()).isEqualTo(1);
        assertThat(metrics.path("exits")).extracting(e -> e.path("exitId").asText(), e -> e.path("count").asLong())
                .containsExactly(tuple("won", 1L), tuple("lost", 1L));
        JsonNode stages = metrics.path("stages");
        assertThat(stages).extracting(s -> s.path("stageId").asText(), s -> s.path("entered").asLong())
                .containsExactly(tuple("new", 4L), tuple("engaged", 2L), tuple("stalled", 1L));
        assertThat(stages.get(1).path("paths")).extracting(p -> p.path("kind").asText(), p -> p.path("count").asLong())
                .containsExactlyInAnyOrder(tuple("EXIT", 1L), tuple("IN_STAGE", 1L));

        JsonNode log = local.api().call("GET", "/flowline/v1/journeys/" + id + "/contacts/cy/log", null, 200);
        assertThat(log.path("enrollment").path("exitId").asText()).isEqualTo("won");
        List<String> kinds = log.path("history").findValuesAsText("kind");
        assertThat(kinds).containsSubsequence("ENROLLED", "STAGE_MOVED", "EXITED").contains("ACTION_SUCCEEDED");
        assertThat(log.path("history").findValuesAsText("flowId"))
                .contains("journey-" + id, "journey-" + id + "-stage-new", "journey-" + id + "-stage-engaged");
    }

    @Test
    void aFirstPublishWithEnrollExistingContactsEnrolsTheContactsAlreadyInAStage() {
        DevClock clock = local.clock();
        var eve = new Contact("eve");
        eve.setProperty("email", "eve@example.com", clock.instant());
        eve.setProperty("renewal_stage", "new", clock.instant());
        eve.addToList("300");
        local.runtime().engine().engine().ports().contacts().create(eve);
        String renewals = JOURNEY.replace("\"journey_stage\"", "\"renewal_stage\"")
                .replace("[\"100\"]", "[\"300\"]");
        String id = local.api().call("POST", "/flowline/v1/journeys", renewals, 201).path("id").asText();

        local.api().call("POST", "/flowline/v1/journeys/" + id + "/publish?enrollExistingContacts=true", null, 200);

        waiting(id, "eve", "new", "a3");
    }

    /**
     * Waits until the contact is in {@code stageId}, its stage's flow waiting at {@code actionId} until a later
     * time; a contact is changed only then, so that no step of its flow saves the contact at the same moment.
     */
    private static void waiting(String journeyId, String contactId, String stageId, String actionId) {
        await(contactId + " waits in stage " + stageId + " before action " + actionId, () -> enrolment(journeyId,
                contactId, e -> stageId.equals(e.stageId()) && e.stageEnrolmentId() != null)
                .flatMap(e -> local.runtime().engine().engine().ports().enrolments().find(e.stageEnrolmentId()))
                .filter(flow -> flow.isActive() && actionId.equals(flow.currentActionId()) && flow.dueAt() != null));
    }

    private List<JourneyMove> moves(String journeyId, String contactId) {
        return local.runtime().engine().engine().journeys().enrolment(journeyId, contactId).orElseThrow().moves();
    }

    private static Optional<JourneyEnrolment> enrolment(String journeyId, String contactId,
                                                        Predicate<JourneyEnrolment> reached) {
        return local.runtime().engine().engine().journeys().enrolment(journeyId, contactId).filter(reached);
    }

    /** Sets the contact's journey stage through the CRM API, which puts the change on the bus. */
    private void stage(String contactId, String value) {
        local.api().call("PATCH", "/crm/v3/objects/contacts/" + contactId,
                "{\"properties\":{\"journey_stage\":\"" + value + "\"}}", 200);
    }


    private static String email(String actionId, String next, String contentId) {
        return action(actionId, next, "0-4", "{\"content_id\":\"" + contentId + "\"}");
    }

    private static String delayDays(String actionId, String next, int days) {
        return action(actionId, next, "0-1", "{\"delta\":\"" + days + "\",\"time_unit\":\"DAYS\"}");
    }

    private static String goTo(String actionId, String field, String target) {
        return action(actionId, null, "fl-journey-go-to", "{\"" + field + "\":\"" + target + "\"}");
    }

}
