package dev.flowline.engine.action;

import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.simulation.Outbox;
import org.junit.jupiter.api.Test;

import static dev.flowline.engine.action.ActionTesting.START;
import static dev.flowline.engine.action.ActionTesting.action;
import static dev.flowline.engine.action.ActionTesting.contact;
import static dev.flowline.engine.action.ActionTesting.context;
import static dev.flowline.engine.action.ActionTesting.flow;
import static dev.flowline.engine.action.ActionTesting.executor;
import static org.assertj.core.api.Assertions.assertThat;

class ThirdPartyActionsTest {

    private StepResult.Next run(String action) {
        Flow flow = flow("f", action, ActionTesting.setProperty("after", "yes"));
        return (StepResult.Next) executor(new Outbox())
                .execute(flow.action("1").orElseThrow(), context(flow, contact("c"), START));
    }

    @Test
    void anAdsAudienceActionIsSkippedNamingTheAdsNetwork() {
        var result = run(action("0-30", "{}"));

        assertThat(result.outcome().status()).isEqualTo(StepResult.Status.SKIPPED);
        assertThat(result.outcome().detail()).isEqualTo("adding to or removing from an ads audience needs an ads network "
                + "(Facebook, Google or LinkedIn), which Flowline does not connect to");
        assertThat(result.nextActionId()).isEqualTo("2");
    }

    @Test
    void sequenceActionsAreSkippedNamingSequences() {
        assertThat(run(action("0-46510720", "{\"sequenceId\":\"1\"}")).outcome().detail())
                .isEqualTo("enrolling in a sequence needs HubSpot Sales sequences, which Flowline does not connect to");
        assertThat(run(action("0-4702372", "{}")).outcome().detail()).contains("HubSpot Sales sequences");
    }

    @Test
    void appActionsAreSkippedNamingTheApp() {
        assertThat(run(action("1-179507819", "{}")).outcome().detail()).isEqualTo(
                "app action 1-179507819 needs the app that provides it (such as Slack or Salesforce), which Flowline does not connect to");
    }

    @Test
    void customCodeIsSkippedNamingTheCodeRuntime() {
        var result = run("""
                {"type":"CUSTOM_CODE","runtime":"NODE20X","sourceCode":"x","secretNames":[],"inputFields":[],"outputFields":[]}""");

        assertThat(result.outcome().status()).isEqualTo(StepResult.Status.SKIPPED);
        assertThat(result.outcome().detail()).endsWith("which Flowline does not connect to");
        assertThat(result.nextActionId()).isEqualTo("2");
    }

    @Test
    void otherUnknownActionTypesAreSkippedAsNotRun() {
        assertThat(run(action("0-999", "{}")).outcome().detail()).isEqualTo("action type 0-999 is not run by Flowline");
    }
}
