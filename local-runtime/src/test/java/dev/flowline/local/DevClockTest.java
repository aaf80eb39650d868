package dev.flowline.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DevClockTest {

    private static final Clock BASE = Clock.fixed(Instant.parse("2026-11-23T10:15:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    @Test
    void aMoveOutOfRangeLeavesTheClockWhereItWas() {
        var clock = new DevClock(BASE);
        clock.advance(Duration.ofDays(1));

        assertThatIllegalArgumentException().isThrownBy(() -> clock.advance(Duration.ofSeconds(Long.MAX_VALUE)));
        assertThatIllegalArgumentException().isThrownBy(() -> clock.advance(DevClock.MAX_ADVANCE.plusSeconds(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> clock.advance(Duration.ofSeconds(-1)));

        assertThat(clock.offset()).isEqualTo(Duration.ofDays(1));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-24T10:15:00Z"));
    }

    @Test
    void manyLongMovesStopShortOfTheLimitAndTheClockStillReads() {
        var clock = new DevClock(BASE);
        int moves = 0;
        try {
            while (moves < 10_000) {
                clock.advance(DevClock.MAX_ADVANCE);
                moves++;
            }
        } catch (IllegalArgumentException atTheLimit) {
            assertThat(atTheLimit).hasMessageContaining(DevClock.LIMIT.toString());
        }

        assertThat(moves).isLessThan(10_000);
        assertThat(clock.instant()).isBefore(DevClock.LIMIT);
        assertThat(clock.withZone(ZoneOffset.ofHours(2)).instant()).isEqualTo(clock.instant());
    }

    @Test
    void theOffsetKeptInItsFileIsWhereTheNextRunStarts() throws IOException {
        Path store = folder.resolve("dev-clock");
        DevClock first = DevClock.restored(BASE, store);
        assertThat(first.offset()).isZero();

        first.advance(Duration.ofDays(3));

        assertThat(Files.readString(store).strip()).isEqualTo("PT72H");
        DevClock next = DevClock.restored(BASE, store);
        assertThat(next.offset()).isEqualTo(Duration.ofDays(3));
        assertThat(next.instant()).isEqualTo(Instant.parse("2026-11-26T10:15:00Z"));
    }

    @Test
    void anOffsetFileThatIsNotADurationOrOutOfRangeIsRefusedAtStart() throws IOException {
        Path store = folder.resolve("dev-clock");
        Files.writeString(store, "tomorrow");
        assertThatIllegalStateException().isThrownBy(() -> DevClock.restored(BASE, store));
        Files.writeString(store, "PT-1S");
        assertThatIllegalStateException().isThrownBy(() -> DevClock.restored(BASE, store));
        Files.writeString(store, Duration.ofSeconds(Long.MAX_VALUE).toString());
        assertThatIllegalStateException().isThrownBy(() -> DevClock.restored(BASE, store));
    }
}
