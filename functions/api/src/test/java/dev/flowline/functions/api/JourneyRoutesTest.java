package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.aws.sqs.QueuedSegment;
import dev.flowline.aws.sqs.QueuedStep;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.journey.JourneyEnrolmentStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static dev.flowline.aws.SampleFlows.delayDays;
import static dev.flowline.aws.SampleFlows.marketingEmail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journeys through the API: drafts and versions, publishing over contacts in flight, restoring, and definitions
 * refused with every problem. Stage flows run on the engine's step queue, drained here by hand.
 */
@ExtendWith(EmbeddedAws.class)
class JourneyRoutesTest {

    private static final String JOURNEYS = "/flowline/v1/journeys";

    /** Stage "new": wait a day, wait a day, welcome email; stage "engaged": wait two days, email; goal exit "won". */
    static String journey(String name, String newStageActions, boolean withEngaged) {
        String engaged = """
                ,{"stageId":"engaged","name":"Engaged","propertyValue":"engaged","actions":[%s,%s]}"""
                .formatted(delayDays("b1", "b2", 2), marketingEmail("b2", null, "offer"));
        return """
                {"name":"%s","propertyName":"journey_stage","enrollmentListIds":["100"],"enrollEmptyValue":false,
                 "stages":[{"stageId":"new","name":"New","propertyValue":"new","actions":[%s]}%s],
                 "exits":[{"exitId":"won","name":"Won","goal":true,"propertyValue":"won"}]}"""
                .formatted(name, newStageActions, withEngaged ? engaged : "");
    }

    private static final String THREE_ACTIONS = String.join(",", delayDays("a1", "a2", 1), delayDays("a2", "a3", 1),
            marketingEmail("a3", null, "welcome"));
    private static final String A2_DELETED = String.join(",", delayDays("a1", "a3", 1),
            marketingEmail("a3", null, "welcome"));

    private EmbeddedAws.Environment aws;
    private Api api;

    @BeforeEach
    void start(EmbeddedAws.Environment aws) {
        String activationQueue = aws.sqs().createQueue(c -> c.queueName(aws.config().tables().flows() + "-activation"))
                .queueUrl();
        this.aws = new EmbeddedAws.Environment(aws.config().withActivationQueueUrl(activationQueue), aws.clients(),
                aws.sqs());
        this.api = new Api(this.aws);
        contact("ada", "new");
        contact("bob", "engaged");
    }

    @Test
    void editingTheDraftLeavesThePublishedVersionAndContactsInFlightAlone() {
        String id = create(journey("Onboarding", THREE_ACTIONS, true));
        publish(id, true);
        runSteps();
        assertThat(stageEnrolment(id, "ada").currentActionId()).isEqualTo("a2");

        var edited = api.call("PUT", JOURNEYS + "/" + id + "/draft", journey("Onboarding v2", A2_DELETED, false));

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body().path("draft").path("name").asText()).isEqualTo("Onboarding v2");
        assertThat(edited.body().path("publishedVersion").asInt()).isEqualTo(1);
        assertThat(api.call("GET", JOURNEYS + "/" + id + "/versions/1", null).body()
                .path("definition").path("name").asText()).isEqualTo("Onboarding");
        runSteps();
        assertThat(stageEnrolment(id, "ada").currentActionId()).isEqualTo("a2");
        assertThat(api.engine.engine().journeys().enrolment(id, "bob").orElseThrow().status())
                .isEqualTo(JourneyEnrolmentStatus.ACTIVE);
    }

    @Test
    void publishingWithADeletedActionAndADeletedStageMovesContactsOnOrMakesThemInactive() {
        String id = create(journey("Onboarding", THREE_ACTIONS, true));
        publish(id, true);
        runSteps();
        api.call("PUT", JOURNEYS + "/" + id + "/draft", journey("Onboarding v2", A2_DELETED, false));

        JsonNode second = publish(id, false);

        assertThat(second.path("publishedVersion").asInt()).isEqualTo(2);
        assertThat(stageEnrolment(id, "ada").currentActionId()).as("the action after the deleted one").isEqualTo("a3");
        assertThat(api.engine.engine().journeys().enrolment(id, "bob").orElseThrow().status())
                .as("its stage was deleted").isEqualTo(JourneyEnrolmentStatus.INACTIVE);
        var versions = api.call("GET", JOURNEYS + "/" + id + "/versions", null).body().path("results");
        assertThat(versions).extracting(v -> v.path("version").asInt(), v -> v.path("name").asText())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "Onboarding"),
                        org.assertj.core.groups.Tuple.tuple(2, "Onboarding v2"));
        var log = api.call("GET", JOURNEYS + "/" + id + "/contacts/bob/log", null).body();
        assertThat(log.path("enrollment").path("status").asText()).isEqualTo("INACTIVE");
        assertThat(log.path("history").findValuesAsText("kind")).contains("ENROLLED", "INACTIVE");
    }

    @Test
    void restoringAVersionMakesItTheDraftAndKeepsThePublishedOne() {
        String id = create(journey("Onboarding", THREE_ACTIONS, true));
        publish(id, false);
        api.call("PUT", JOURNEYS + "/" + id + "/draft", journey("Onboarding v2", A2_DELETED, false));
        publish(id, false);

        var restored = api.call("POST", JOURNEYS + "/" + id + "/versions/1/restore", null);

        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.body().path("draft")).isEqualTo(
                api.call("GET", JOURNEYS + "/" + id + "/versions/1", null).body().path("definition"));
        assertThat(restored.body().path("publishedVersion").asInt()).isEqualTo(2);
        assertThat(restored.body().path("versionCount").asInt()).isEqualTo(2);
        assertThat(publish(id, false).path("publishedVersion").asInt()).isEqualTo(3);
        assertThat(api.call("POST", JOURNEYS + "/" + id + "/versions/9/restore", null).status()).isEqualTo(404);
    }

    @Test
    void aFirstPublishEnrolsContactsThatAlreadyMatchOnlyWhenAsked() {
        String quiet = create(journey("Quiet", THREE_ACTIONS, true));
        publish(quiet, false);
        assertThat(api.engine.engine().journeys().enrolments(quiet)).isEmpty();
        api.call("DELETE", JOURNEYS + "/" + quiet, null);

        String eager = create(journey("Eager", THREE_ACTIONS, true));
        publish(eager, true);
        assertThat(api.engine.engine().journeys().enrolments(eager)).extracting(e -> e.contactId() + "@" + e.stageId())
                .containsExactlyInAnyOrder("ada@new", "bob@engaged");
        assertThat(api.call("POST", JOURNEYS + "/" + eager + "/publish", Map.of("enrollExistingContacts", "true"), null)
                .status()).isEqualTo(400);
    }

    @Test
    void aBadDefinitionIsRefusedWithEveryProblemAndItsPath() {
        String bad = """
                {"name":"Broken","propertyName":"journey_stage","enrollmentListIds":["1","2","3","4","5","6"],
                 "stages":[{"stageId":"new","name":"New","propertyValue":"new","actions":[]}],
                 "exits":[{"exitId":"won","name":"Won","goal":false,"propertyValue":"won"}]}""";

        var refused = api.call("POST", JOURNEYS, bad);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("category").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(refused.body().path("errors").findValuesAsText("in"))
                .containsExactlyInAnyOrder("/enrollmentListIds", "/stages/0/actions", "/exits");
        assertThat(api.call("GET", JOURNEYS, null).body().path("results")).isEmpty();
    }

    @Test
    void aDeletedJourneyIsGone() {
        String id = create(journey("Onboarding", THREE_ACTIONS, true));
        publish(id, true);

        assertThat(api.call("DELETE", JOURNEYS + "/" + id, null).status()).isEqualTo(204);

        assertThat(api.call("GET", JOURNEYS + "/" + id, null).status()).isEqualTo(404);
        assertThat(api.call("GET", JOURNEYS + "/" + id + "/metrics", null).status()).isEqualTo(404);
        assertThat(api.engine.engine().journeys().enrolments(id)).isEmpty();
    }

    private String create(String definition) {
        var created = api.call("POST", JOURNEYS, definition);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().has("publishedVersion")).isFalse();
        return created.body().path("id").asText();
    }

    private JsonNode publish(String id, boolean enrolExisting) {
        var published = api.call("POST", JOURNEYS + "/" + id + "/publish",
                Map.of("enrollExistingContacts", String.valueOf(enrolExisting)), null);
        assertThat(published.status()).as(published.body().toString()).isEqualTo(200);
        String queue = aws.config().activationQueueUrl();
        for (var segments = aws.drain(queue); !segments.isEmpty(); segments = aws.drain(queue)) {
            segments.forEach(m -> api.engine.engine().activation()
                    .run(QueuedSegment.parse(m.body()).segment()));
        }
        return published.body();
    }

    private void contact(String id, String stage) {
        var contact = new Contact(id);
        contact.setProperty("email", id + "@example.com", Api.NOW);
        contact.setProperty("journey_stage", stage, Api.NOW);
        contact.addToList("100");
        api.engine.engine().ports().contacts().create(contact);
    }

    /** Runs the steps on the step queue until it is empty (delays go to wake-ups, which nothing fires here). */
    private void runSteps() {
        var steps = aws.drain(aws.config().stepQueueUrl());
        while (!steps.isEmpty()) {
            steps.forEach(message -> api.engine.engine().steps()
                    .run(QueuedStep.parse(message.body(), api.engine.account()).step()));
            steps = aws.drain(aws.config().stepQueueUrl());
        }
    }

    private Enrolment stageEnrolment(String journeyId, String contactId) {
        String stageEnrolmentId = api.engine.engine().journeys().enrolment(journeyId, contactId).orElseThrow()
                .stageEnrolmentId();
        return api.engine.engine().ports().enrolments().find(stageEnrolmentId).orElseThrow();
    }
}
