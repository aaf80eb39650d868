package dev.flowline.aws.eventbridge;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.scheduler.WakeUp;
import dev.flowline.aws.sqs.QueuedStep;
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

    private static final Account ACME = new Account("acme");
    private static final Account DEFAULT = new Account("default");

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
    void aQueuedStepReadsBackWithItsAccountAndCauses() {
        var step = new QueuedStep(ACME, new StepMessage("f:c:1", 7), List.of("a", "b"));

        assertThat(QueuedStep.parse(step.toJson(), DEFAULT)).isEqualTo(step);
        assertThat(QueuedStep.parse("{\"enrolmentId\":\"f:c:1\",\"sequence\":7}", DEFAULT))
                .isEqualTo(new QueuedStep(DEFAULT, new StepMessage("f:c:1", 7), List.of()));
    }

    @Test
    void busEventsReadBackFromTheirDetail() {
        var activity = new BusEvent.ContactActivity("id-1", ACME, "c-1", List.of("x"), new ActivityEvent(
                StandardEvents.WORKFLOW_ENROLLED, Instant.parse("2026-11-23T10:00:00Z"),
                Map.of(StandardEvents.FLOW_ID, "42")));
        var changed = new BusEvent.ContactChanged("id-2", ACME, "c-1", List.of(), Set.of("email", "lifecyclestage"));

        assertThat(BusEvent.parse(activity.detailType(), activity.detail(), DEFAULT)).isEqualTo(activity);
        assertThat(BusEvent.parse(changed.detailType(), changed.detail(), DEFAULT)).isEqualTo(changed);
    }

    @Test
    void aBusEventFromOutsideWithoutAccountBelongsToTheDefaultAccount() {
        var event = BusEvent.parse(BusEvent.ContactChanged.DETAIL_TYPE,
                "{\"id\":\"e-1\",\"contactId\":\"c-1\",\"properties\":[\"email\"]}", DEFAULT);

        assertThat(event.account()).isEqualTo(DEFAULT);
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
