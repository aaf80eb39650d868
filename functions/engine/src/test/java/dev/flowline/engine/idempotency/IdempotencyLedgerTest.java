package dev.flowline.engine.idempotency;

import dev.flowline.engine.simulation.InMemoryLedger;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules every ledger follows through {@link IdempotencyLedger#once}, whatever it is stored in. */
class IdempotencyLedgerTest {

    private final InMemoryLedger ledger = new InMemoryLedger();
    private final AtomicInteger made = new AtomicInteger();

    private String make() {
        return "made " + made.incrementAndGet();
    }

    @Test
    void anEffectIsMadeOnceAndARepeatGetsItsOutcome() {
        assertThat(ledger.once("k", this::make)).isEqualTo("made 1");
        assertThat(ledger.once("k", this::make)).isEqualTo("made 1");
        assertThat(ledger.once("other", this::make)).isEqualTo("made 2");
    }

    @Test
    void anEffectThatThrowsGivesItsKeyBackSoARetryMakesIt() {
        assertThatIllegalStateException().isThrownBy(() -> ledger.once("k", () -> {
            throw new IllegalStateException("the service refused");
        }));

        assertThat(ledger.keys()).isEmpty();
        assertThat(ledger.once("k", this::make)).isEqualTo("made 1");
    }

    @Test
    void anEffectAnotherRunIsMakingIsNotMadeAgain() {
        ledger.claim("k");

        assertThatThrownBy(() -> ledger.sendOnce("k", this::make)).isInstanceOf(EffectInProgress.class)
                .hasMessageContaining("k");
        assertThat(made).hasValue(0);
    }

    @Test
    void aSentMessageIsRecordedAsSent() {
        ledger.sendOnce("k", this::make);
        ledger.sendOnce("k", this::make);

        assertThat(made).hasValue(1);
        assertThat(ledger.claim("k")).isEqualTo(new IdempotencyLedger.Claim.Done("sent"));
    }
}
