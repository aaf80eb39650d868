package dev.flowline.local;

import dev.flowline.aws.scheduler.WakeUp;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocalWakeUpsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:20Z");

    @Test
    void aMinuteFiresOnceWhenTheDevelopmentClockPassesItsWakeUps() {
        var clock = new DevClock(Clock.fixed(NOW, ZoneOffset.UTC));
        var fired = new ArrayList<WakeUp>();
        var wakeUps = new LocalWakeUps(clock, FaultPlan.NONE);
        wakeUps.wakeUpAt(NOW.plus(Duration.ofDays(1)));
        wakeUps.wakeUpAt(NOW.plus(Duration.ofDays(1)).plusSeconds(5));
        wakeUps.wakeUpAt(NOW.plus(Duration.ofDays(3)));

        wakeUps.fireDue(fired::add);
        assertThat(fired).isEmpty();

        clock.advance(Duration.ofDays(1).plusSeconds(10));
        wakeUps.fireDue(fired::add);
        wakeUps.fireDue(fired::add);
        assertThat(fired).containsExactly(new WakeUp(Instant.parse("2026-11-24T10:15:00Z")));
        assertThat(wakeUps.idle()).isFalse();

        clock.advance(Duration.ofDays(2));
        wakeUps.fireDue(fired::add);
        assertThat(fired).hasSize(2);
        assertThat(wakeUps.idle()).isTrue();
    }

    @Test
    void aStepDueLaterInAMinuteThatFiredIsWokenAgainWhenItsTimeComes() {
        var clock = new DevClock(Clock.fixed(NOW, ZoneOffset.UTC));
        var fired = new ArrayList<WakeUp>();
        var wakeUps = new LocalWakeUps(clock, FaultPlan.NONE);
        wakeUps.wakeUpAt(NOW.plusSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        wakeUps.fireDue(fired::add);

        wakeUps.wakeUpAt(NOW.plusSeconds(90));
        wakeUps.fireDue(fired::add);
        clock.advance(Duration.ofSeconds(30));
        wakeUps.fireDue(fired::add);

        assertThat(fired).containsExactly(new WakeUp(NOW.plusSeconds(60)), new WakeUp(NOW.plusSeconds(60)));
    }

    @Test
    void aLateWakeUpFiresOnlyOnceTheClockPassesItsLatenessAndStillNamesItsOwnMinute() {
        var clock = new DevClock(Clock.fixed(NOW, ZoneOffset.UTC));
        var fired = new ArrayList<WakeUp>();
        var wakeUps = new LocalWakeUps(clock, FaultPlan.parse("schedule.late=1"));
        wakeUps.wakeUpAt(NOW.plusSeconds(60));

        clock.advance(Duration.ofSeconds(60));
        wakeUps.fireDue(fired::add);
        assertThat(fired).isEmpty();
        assertThat(wakeUps.idle()).isFalse();

        clock.advance(LocalWakeUps.LATENESS);
        wakeUps.fireDue(fired::add);
        assertThat(fired).containsExactly(new WakeUp(NOW.plusSeconds(60)));
        assertThat(wakeUps.idle()).isTrue();
    }

    @Test
    void aDuplicatedWakeUpFiresTwiceAndIsCounted() {
        var clock = new DevClock(Clock.fixed(NOW, ZoneOffset.UTC));
        var fired = new ArrayList<WakeUp>();
        FaultPlan faults = FaultPlan.parse("schedule.duplicate=1");
        var wakeUps = new LocalWakeUps(clock, faults);
        wakeUps.wakeUpAt(NOW.plusSeconds(60));

        clock.advance(Duration.ofSeconds(60));
        wakeUps.fireDue(fired::add);

        assertThat(fired).containsExactly(new WakeUp(NOW.plusSeconds(60)), new WakeUp(NOW.plusSeconds(60)));
        assertThat(faults.injected()).containsEntry(FaultPlan.Kind.SCHEDULE_DUPLICATE, 1L);
    }

    @Test
    void theDevelopmentClockOnlyMovesForwardAndKeepsItsOffsetInEveryZone() {
        var clock = new DevClock(Clock.fixed(NOW, ZoneOffset.UTC));

        clock.advance(Duration.ofDays(3));

        assertThat(clock.instant()).isEqualTo(NOW.plus(Duration.ofDays(3)));
        assertThat(clock.withZone(ZoneOffset.ofHours(2)).instant()).isEqualTo(clock.instant());
        assertThatIllegalArgumentException().isThrownBy(() -> clock.advance(Duration.ofSeconds(-1)));
        assertThat(clock.instant()).isEqualTo(NOW.plus(Duration.ofDays(3)));
    }
}
