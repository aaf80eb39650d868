package dev.flowline.local;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FaultPlanTest {

    @Test
    void aPlanIsParsedFromKindsWithRatesAndASeed() {
        FaultPlan plan = FaultPlan.parse("dynamodb.throttle=0.05, sqs.send=0.02,seed=7");

        assertThat(plan.rate(FaultPlan.Kind.DYNAMODB_THROTTLE)).isEqualTo(0.05);
        assertThat(plan.rate(FaultPlan.Kind.SQS_SEND)).isEqualTo(0.02);
        assertThat(plan.rate(FaultPlan.Kind.SES_THROTTLE)).isZero();
        assertThat(plan.seed()).isEqualTo(7);
        assertThat(plan.active()).isTrue();
        assertThat(FaultPlan.parse("").active()).isFalse();
        assertThat(FaultPlan.parse(null)).isSameAs(FaultPlan.NONE);
    }

    @Test
    void unknownKindsAndRatesOutsideZeroToOneAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> FaultPlan.parse("dynamodb.melt=0.1"))
                .withMessageContaining("unknown fault dynamodb.melt");
        assertThatIllegalArgumentException().isThrownBy(() -> FaultPlan.parse("sqs.send=2"));
        assertThatIllegalArgumentException().isThrownBy(() -> FaultPlan.parse("sqs.send=often"));
        assertThatIllegalArgumentException().isThrownBy(() -> FaultPlan.parse("sqs.send"));
    }

    @Test
    void theSameSeedInjectsTheSameFaultsAndEveryInjectedFaultIsCounted() {
        FaultPlan first = FaultPlan.parse("sqs.send=0.1,seed=42");
        FaultPlan second = FaultPlan.parse("sqs.send=0.1,seed=42");

        var firstDraws = IntStream.range(0, 1000).mapToObj(i -> first.inject(FaultPlan.Kind.SQS_SEND)).toList();
        var secondDraws = IntStream.range(0, 1000).mapToObj(i -> second.inject(FaultPlan.Kind.SQS_SEND)).toList();

        assertThat(firstDraws).isEqualTo(secondDraws);
        long injected = firstDraws.stream().filter(Boolean::booleanValue).count();
        assertThat(injected).isBetween(60L, 140L);
        assertThat(first.injected()).containsExactly(java.util.Map.entry(FaultPlan.Kind.SQS_SEND, injected));
    }

    @Test
    void oneDrawAmongExclusiveKindsInjectsAtMostOneOfThem() {
        FaultPlan plan = FaultPlan.parse("webhook.5xx=0.5,webhook.4xx=0.5");

        var kinds = IntStream.range(0, 100).mapToObj(i ->
                plan.injectOneOf(FaultPlan.Kind.WEBHOOK_5XX, FaultPlan.Kind.WEBHOOK_4XX).orElseThrow()).toList();

        assertThat(kinds).contains(FaultPlan.Kind.WEBHOOK_5XX, FaultPlan.Kind.WEBHOOK_4XX);
        assertThat(plan.injected().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(100);
    }
}
