package dev.flowline.engine.journey;

import dev.flowline.engine.definition.Problem;
import dev.flowline.engine.simulation.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static dev.flowline.engine.journey.TestJourney.action;
import static dev.flowline.engine.journey.TestJourney.exit;
import static dev.flowline.engine.journey.TestJourney.goToStage;
import static dev.flowline.engine.journey.TestJourney.journey;
import static dev.flowline.engine.journey.TestJourney.stage;
import static dev.flowline.engine.journey.TestJourney.task;
import static org.assertj.core.api.Assertions.assertThat;

class JourneyValidatorTest {

    private final JourneyValidator validator = new JourneyValidator(JourneyLimits.DEFAULT);

    private List<Problem> validate(TestJourney journey) {
        return validator.validate("j1", journey.build(), List.of());
    }

    @Test
    void theDefaultJourneyIsValidAndRoundTripsThroughJson() {
        var definition = journey().build();
        assertThat(validate(journey())).isEmpty();
        assertThat(JourneyDefinition.parse(definition.toJson())).isEqualTo(definition);
        var journey = Journey.create("j1", definition, Instant.EPOCH).publish(Instant.EPOCH);
        assertThat(Journey.parse(journey.toJson())).isEqualTo(journey);
    }

    @Test
    void aBlankNameOrPropertyIsAsMissingAsNone() {
        assertThat(validate(journey().name(" ").property(""))).containsExactly(
                new Problem("/name", "name is required"),
                new Problem("/propertyName", "propertyName is required"));
    }

    @Test
    void aNulPropertyNameIsRefusedOnceWhereTheJourneyNamesIt() {
        assertThat(validate(journey().property("\\u0000"))).containsExactly(new Problem("/propertyName",
                "a property name must start with a lower-case letter (a-z), not U+0000"));
    }

    @Test
    void aJourneyHasAtMostTenStages() {
        String[] stages = IntStream.rangeClosed(1, 11).mapToObj(i -> stage("s" + i, "v" + i, task("t", null)))
                .toArray(String[]::new);
        assertThat(validate(journey().stages(stages))).containsExactly(
                new Problem("/stages", "a journey needs 1 to 10 stages; this one has 11"));
    }

    @Test
    void aStageHasOneToFiftyActions() {
        String[] actions = IntStream.rangeClosed(1, 51).mapToObj(i -> task("t" + i, i < 51 ? "t" + (i + 1) : null))
                .toArray(String[]::new);
        assertThat(validate(journey().stages(stage("1", "new", actions), stage("2", "engaged")))).contains(
                new Problem("/stages/0/actions", "a stage needs 1 to 50 actions; this one has 51"),
                new Problem("/stages/1/actions", "a stage needs 1 to 50 actions; this one has 0"));
    }

    @Test
    void aJourneyHasOneToFiveEnrolmentLists() {
        assertThat(validate(journey().lists("1", "2", "3", "4", "5", "6"))).containsExactly(
                new Problem("/enrollmentListIds", "a journey needs 1 to 5 enrolment lists; this one has 6"));
    }

    @Test
    void aJourneyHasExactlyOneGoalExit() {
        assertThat(validate(journey().exits(exit("won", true, "won", null), exit("b", true, "b", null)))).containsExactly(
                new Problem("/exits", "a journey needs exactly one goal exit; this one has 2"));
        assertThat(validate(journey().exits(exit("a", false, "a", null)))).contains(
                new Problem("/exits", "a journey needs exactly one goal exit; this one has 0"));
    }

    @Test
    void eachValueOfThePropertyBelongsToOneStageOrExit() {
        assertThat(validate(journey().exits(exit("won", true, "won", null), exit("lost", false, "new", null))))
                .containsExactly(new Problem("/exits/1/propertyValue", "the value \"new\" is already used at /stages/0"));
    }

    @Test
    void stageActionsGetTheWorkflowActionChecksWithTheirPathInTheJourney() {
        var problems = validate(journey().stages(stage("1", "new",
                action("w1", "0-3", "{}", "w2"), goToStage("w2", "9"))));
        assertThat(problems).extracting(Problem::path).containsExactly(
                "/stages/0/actions/1/fields/stageId", "/stages/0/actions/0/fields/task_type",
                "/stages/0/actions/0/fields/subject");
    }

    @Test
    void aGoToEndsItsPathAndCannotGoToItsOwnStage() {
        var loop = action("g", GoTo.TYPE, "{'stageId':'1'}", "x").replace('\'', '"');
        assertThat(validate(journey().stages(stage("1", "new", loop, task("x", null)))))
                .extracting(Problem::message)
                .contains("a stage cannot go to itself", "a go-to ends its path: it cannot have a connection");
    }

    @Test
    void theJourneysPerAccountLimitIsConfigurable() {
        var three = Collections.nCopies(3, Journey.create("x", journey().build(), Instant.EPOCH));
        assertThat(new JourneyValidator(new JourneyLimits(3)).canCreate(three)).get().extracting(Problem::message)
                .isEqualTo("an account can have at most 3 journeys; this one has 3");
        assertThat(validator.canCreate(three)).isEmpty();

        var scenario = new Scenario();
        var journeys = scenario.simulator().journeys();
        for (int i = 0; i < JourneyLimits.DEFAULT_MAX_JOURNEYS; i++) {
            assertThat(journeys.create("j" + i, journey().lists("list" + i).build()).isSaved()).isTrue();
        }
        assertThat(journeys.create("one-more", journey().lists("other").build()).isSaved()).isFalse();
    }

    @Test
    void twoJourneysCannotShareTheSameListsAndProperty() {
        var scenario = new Scenario();
        var journeys = scenario.simulator().journeys();
        journeys.create("j1", journey().name("Onboarding").build());

        var clash = journeys.create("j2", journey().name("Nurture").lists("7", TestJourney.LIST).build());

        assertThat(clash.problems()).containsExactly(new Problem("/enrollmentListIds",
                "journey j1 (\"Onboarding\") already uses the property journey_stage with one of these lists: "
                        + "choose other lists or another property"));
        assertThat(journeys.create("j3", journey().property("lifecyclestage").build()).isSaved()).isTrue();
        assertThat(journeys.create("j4", journey().lists("8").build()).isSaved()).isTrue();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var problems = validator.validate("j1", JourneyDefinition.parse("{\"stages\":[null]}"), List.of());
        assertThat(problems).extracting(Problem::path).containsExactly(
                "/name", "/propertyName", "/enrollmentListIds", "/stages/0", "/exits");
    }
}
