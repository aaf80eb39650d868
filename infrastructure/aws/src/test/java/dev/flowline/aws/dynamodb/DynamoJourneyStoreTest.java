package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.journey.Journey;
import dev.flowline.engine.journey.JourneyDefinition;
import dev.flowline.engine.journey.JourneyEnrolment;
import dev.flowline.engine.journey.JourneyEnrolmentStatus;
import dev.flowline.engine.journey.JourneyVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.ConcurrentModificationException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(LocalDynamoDb.class)
class DynamoJourneyStoreTest {

    private static final Account ACCOUNT = new Account("a1");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    static JourneyDefinition definition(String name) {
        return JourneyDefinition.parse("""
                {"name":"%s","propertyName":"journey_stage","enrollmentListIds":["7"],"enrollEmptyValue":false,
                 "stages":[{"stageId":"s1","name":"Aware","propertyValue":"aware","actions":[
                   {"type":"SINGLE_CONNECTION","actionId":"1","actionTypeVersion":0,"actionTypeId":"0-4",
                    "fields":{"content_id":"welcome"}}]}],
                 "exits":[{"exitId":"won","name":"Won","goal":true,"propertyValue":"customer"}]}
                """.formatted(name));
    }

    @Test
    void aDraftIsReadBackAsSavedAndPublishingDoesNotChangeEarlierVersions(DynamoDbClient dynamo,
                                                                          FlowlineTables tables) {
        var store = new DynamoJourneyStore(dynamo, tables, ACCOUNT);
        Journey created = Journey.create("500", definition("Onboarding"), T0);
        store.save(created);
        assertThat(store.find("500")).contains(created);

        Journey first = created.publish(T0.plusSeconds(60));
        store.save(first);
        Journey edited = first.withDraft(definition("Onboarding, edited"), T0.plusSeconds(120));
        store.save(edited);
        Journey second = edited.publish(T0.plusSeconds(180));
        store.save(second);

        Journey read = new DynamoJourneyStore(dynamo, tables, ACCOUNT).find("500").orElseThrow();
        assertThat(read).isEqualTo(second);
        assertThat(read.versions()).extracting(JourneyVersion::version, v -> v.definition().name())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "Onboarding"),
                        org.assertj.core.groups.Tuple.tuple(2, "Onboarding, edited"));
    }

    @Test
    void restoringAVersionMakesItTheDraftAndKeepsEveryVersion(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoJourneyStore(dynamo, tables, ACCOUNT);
        Journey journey = Journey.create("500", definition("v1"), T0).publish(T0);
        journey = journey.withDraft(definition("v2"), T0).publish(T0);
        store.save(journey);

        store.save(journey.restore(1, T0.plusSeconds(5)).orElseThrow());

        Journey read = store.find("500").orElseThrow();
        assertThat(read.draft().name()).isEqualTo("v1");
        assertThat(read.versions()).hasSize(2);
        assertThat(read.published().orElseThrow().definition().name()).isEqualTo("v2");
    }

    @Test
    void aPublishOnTopOfAnotherPublishFails(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoJourneyStore(dynamo, tables, ACCOUNT);
        Journey draft = Journey.create("500", definition("v1"), T0);
        store.save(draft);
        Journey readByOne = store.find("500").orElseThrow();
        Journey readByOther = store.find("500").orElseThrow();
        store.save(readByOne.publish(T0));

        assertThatThrownBy(() -> store.save(readByOther.withDraft(definition("other"), T0)))
                .isInstanceOf(ConcurrentModificationException.class).hasMessageContaining("journey 500");
        assertThat(store.find("500").orElseThrow().versions()).hasSize(1);
    }

    @Test
    void journeysStayOutOfFlowListingsAndEveryJourneyIsListed(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoJourneyStore(dynamo, tables, ACCOUNT);
        store.save(Journey.create("500", definition("a"), T0).publish(T0));
        store.save(Journey.create("501", definition("b"), T0));

        assertThat(store.all()).extracting(Journey::id).containsExactlyInAnyOrder("500", "501");
        assertThat(store.published()).extracting(Journey::id).containsExactly("500");
        var flows = new DynamoFlowStore(dynamo, tables, ACCOUNT);
        assertThat(flows.page(null, 100).items()).isEmpty();
        assertThat(flows.enabledFlows()).isEmpty();
    }

    @Test
    void deletingAJourneyRemovesItsVersionsAndEnrolments(DynamoDbClient dynamo, FlowlineTables tables) {
        var store = new DynamoJourneyStore(dynamo, tables, ACCOUNT);
        var enrolments = new DynamoJourneyEnrolmentStore(dynamo, tables, ACCOUNT);
        store.save(Journey.create("500", definition("a"), T0).publish(T0));
        store.save(Journey.create("501", definition("b"), T0).publish(T0));
        enrolments.create(enrolment("500", "ada", T0));
        enrolments.create(enrolment("501", "ada", T0));

        store.delete("500");
        enrolments.deleteJourney("500");

        assertThat(store.find("500")).isEmpty();
        assertThat(store.all()).extracting(Journey::id).containsExactly("501");
        assertThat(enrolments.ofJourney("500")).isEmpty();
        assertThat(enrolments.find("501", "ada")).isPresent();
        assertThat(dynamo.scan(b -> b.tableName(tables.flows())).items())
                .noneMatch(item -> item.get("flowId").s().endsWith("500") || item.get("sk").s().equals("500"));
    }

    @Test
    void aContactEnrolsInAJourneyOnceAndChangesAreConditionalOnTheRevision(DynamoDbClient dynamo,
                                                                           FlowlineTables tables) {
        var enrolments = new DynamoJourneyEnrolmentStore(dynamo, tables, ACCOUNT);
        JourneyEnrolment ada = enrolment("500", "ada", T0);

        assertThat(enrolments.create(ada)).isTrue();
        assertThat(enrolments.create(ada)).isFalse();

        JourneyEnrolment moved = withRevision(ada, JourneyEnrolmentStatus.INACTIVE, 1);
        assertThat(enrolments.update(moved, 0)).isTrue();
        assertThat(enrolments.update(withRevision(ada, JourneyEnrolmentStatus.UNENROLLED, 1), 0)).isFalse();
        assertThat(enrolments.find("500", "ada")).contains(moved);
    }

    @Test
    void aJourneysEnrolmentsAreListedInEnrolmentOrder(DynamoDbClient dynamo, FlowlineTables tables) {
        var enrolments = new DynamoJourneyEnrolmentStore(dynamo, tables, ACCOUNT);
        enrolments.create(enrolment("500", "zoe", T0));
        enrolments.create(enrolment("500", "bob", T0.plusSeconds(2)));
        enrolments.create(enrolment("500", "ada", T0.plusSeconds(1)));
        enrolments.create(enrolment("501", "eve", T0));

        assertThat(enrolments.ofJourney("500")).extracting(JourneyEnrolment::contactId)
                .containsExactly("zoe", "ada", "bob");
    }

    @Test
    void aJourneyOfOneAccountIsInvisibleToAnother(DynamoDbClient dynamo, FlowlineTables tables) {
        var other = new Account("b2");
        new DynamoJourneyStore(dynamo, tables, ACCOUNT).save(Journey.create("500", definition("mine"), T0).publish(T0));
        new DynamoJourneyEnrolmentStore(dynamo, tables, ACCOUNT).create(enrolment("500", "ada", T0));

        assertThat(new DynamoJourneyStore(dynamo, tables, other).find("500")).isEmpty();
        assertThat(new DynamoJourneyStore(dynamo, tables, other).all()).isEmpty();
        assertThat(new DynamoJourneyEnrolmentStore(dynamo, tables, other).find("500", "ada")).isEmpty();
        assertThat(new DynamoJourneyEnrolmentStore(dynamo, tables, other).ofJourney("500")).isEmpty();
    }

    private static JourneyEnrolment enrolment(String journeyId, String contactId, Instant at) {
        return new JourneyEnrolment(journeyId, contactId, JourneyEnrolmentStatus.ACTIVE, "s1", null, null,
                at.toString(), null, List.of(), 0);
    }

    private static JourneyEnrolment withRevision(JourneyEnrolment e, JourneyEnrolmentStatus status, long revision) {
        return new JourneyEnrolment(e.journeyId(), e.contactId(), status, e.stageId(), e.stageEnrolmentId(),
                e.exitId(), e.enrolledAt(), e.endedAt(), e.moves(), revision);
    }
}
