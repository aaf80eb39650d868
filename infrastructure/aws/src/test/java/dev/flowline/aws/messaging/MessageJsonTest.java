package dev.flowline.aws.messaging;

import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.StandardEvents;
import dev.flowline.engine.enrolment.StepMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageJsonTest {

    @Test
    void aWakeUpNamesItsMinuteInUtc() {
        var wakeUp = new WakeUp(Instant.parse("2026-11-23T10:15:42.5Z"));

        assertThat(wakeUp.toJson()).isEqualTo("{\"dueMinute\":\"2026-11-23T10:15Z\"}");
        assertThat(WakeUp.parse("{\"dueMinute\":\"2026-11-23T10:15Z\"}").dueMinute())
                .isEqualTo(Instant.parse("2026-11-23T10:15:00Z"));
    }

    @Test
    void aWakeUpWithoutDueMinuteIsRefused() {
        assertThatThrownBy(() -> WakeUp.parse("{}")).hasMessageContaining("dueMinute");
    }

    @Test
    void aQueuedStepReadsBackWithItsCauses() {
        var step = new QueuedStep(new StepMessage("f:c:1", 7), List.of("a", "b"));

        assertThat(QueuedStep.parse(step.toJson())).isEqualTo(step);
        assertThat(QueuedStep.parse("{\"enrolmentId\":\"f:c:1\",\"sequence\":7}").causes()).isEmpty();
    }

    @Test
    void busEventsReadBackFromTheirDetail() {
        var activity = new BusEvent.ContactActivity("id-1", "c-1", List.of("x"), new ActivityEvent(
                StandardEvents.WORKFLOW_ENROLLED, Instant.parse("2026-11-23T10:00:00Z"),
                Map.of(StandardEvents.FLOW_ID, "42")));
        var changed = new BusEvent.ContactChanged("id-2", "c-1", List.of(), Set.of("email", "lifecyclestage"));

        assertThat(BusEvent.parse(activity.detailType(), activity.detail())).isEqualTo(activity);
        assertThat(BusEvent.parse(changed.detailType(), changed.detail())).isEqualTo(changed);
    }

    @Test
    void closingACauseChainRestoresTheOneAround() {
        try (var outer = CauseChain.open(List.of("a"))) {
            try (var inner = CauseChain.open(List.of("a"), "b")) {
                assertThat(CauseChain.current()).containsExactly("a", "b");
            }
            assertThat(CauseChain.current()).containsExactly("a");
        }
        assertThat(CauseChain.current()).isEmpty();
    }
}
