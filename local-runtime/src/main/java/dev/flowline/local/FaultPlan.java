package dev.flowline.local;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;

/**
 * Which faults the local runtime injects, how often, and how many it has injected: parsed from
 * {@code --faults dynamodb.throttle=0.05,sqs.send=0.02,seed=7} (or {@code FLOWLINE_FAULTS}). Each kind draws from
 * its own random sequence, seeded from the plan's seed, so that a run repeats the same sequence of draws per kind.
 */
public final class FaultPlan {

    /** A kind of fault, named as in the option. */
    public enum Kind {
        /** A DynamoDB request answered {@code ProvisionedThroughputExceededException} (the SDK retries it). */
        DYNAMODB_THROTTLE("dynamodb.throttle"),
        /** An SQS send refused: one entry of a batch reported failed, or a single send answered with an error. */
        SQS_SEND("sqs.send"),
        /** An email refused with SES's throttling error ("Maximum sending rate exceeded"). */
        SES_THROTTLE("ses.throttle"),
        /** A batch handled, then its function crashed before the messages were deleted: all come back. */
        DELIVERY_CRASH("delivery.crash"),
        /** A batch delivered twice at once, to two concurrent invocations: conditional writes race. */
        DELIVERY_DUPLICATE("delivery.duplicate"),
        /** A batch handed over in reverse order. */
        DELIVERY_REORDER("delivery.reorder"),
        /** A wake-up fired minutes late. */
        SCHEDULE_LATE("schedule.late"),
        /** A wake-up fired twice. */
        SCHEDULE_DUPLICATE("schedule.duplicate"),
        /** A webhook endpoint that takes the request and never answers. */
        WEBHOOK_TIMEOUT("webhook.timeout"),
        /** A webhook endpoint answering 503. */
        WEBHOOK_5XX("webhook.5xx"),
        /** A webhook endpoint answering 429 with {@code Retry-After}. */
        WEBHOOK_429("webhook.429"),
        /** A webhook endpoint answering 400 (not retried: the action fails). */
        WEBHOOK_4XX("webhook.4xx");

        private final String option;

        Kind(String option) {
            this.option = option;
        }

        public String option() {
            return option;
        }

        static Kind of(String option) {
            return Arrays.stream(values()).filter(kind -> kind.option.equals(option)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown fault " + option + "; known: "
                            + Arrays.stream(values()).map(Kind::option).collect(Collectors.joining(", "))));
        }
    }

    public static final FaultPlan NONE = new FaultPlan(Map.of(), 0);

    private final Map<Kind, Double> rates;
    private final long seed;
    private final Map<Kind, Random> randoms = new EnumMap<>(Kind.class);
    private final AtomicLongArray injected = new AtomicLongArray(Kind.values().length);

    public FaultPlan(Map<Kind, Double> rates, long seed) {
        rates.forEach((kind, rate) -> {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("the rate of " + kind.option() + " must be between 0 and 1: " + rate);
            }
        });
        this.rates = rates.isEmpty() ? Map.of() : new EnumMap<>(rates);
        this.seed = seed;
        for (Kind kind : Kind.values()) {
            randoms.put(kind, new Random(seed * 31 + kind.ordinal()));
        }
    }

    /** {@code kind=rate} pairs separated by commas, and optionally {@code seed=N}; empty or null: no faults. */
    public static FaultPlan parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        var rates = new EnumMap<Kind, Double>(Kind.class);
        long seed = 1;
        for (String pair : spec.split(",")) {
            String[] parts = pair.strip().split("=", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("a fault is kind=rate: " + pair.strip());
            }
            String name = parts[0].strip().toLowerCase(Locale.ROOT);
            try {
                if (name.equals("seed")) {
                    seed = Long.parseLong(parts[1].strip());
                } else {
                    rates.put(Kind.of(name), Double.parseDouble(parts[1].strip()));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number: " + pair.strip());
            }
        }
        return new FaultPlan(rates, seed);
    }

    public boolean active() {
        return rates.values().stream().anyMatch(rate -> rate > 0);
    }

    public double rate(Kind kind) {
        return rates.getOrDefault(kind, 0.0);
    }

    /** Draws whether to inject {@code kind} now; counts it when so. */
    public boolean inject(Kind kind) {
        double rate = rate(kind);
        if (rate <= 0 || draw(kind) >= rate) {
            return false;
        }
        injected.incrementAndGet(kind.ordinal());
        return true;
    }

    /** One draw among kinds that exclude each other (a webhook answer): the kind injected, if any. */
    public Optional<Kind> injectOneOf(Kind... kinds) {
        double drawn = draw(kinds[0]);
        double upTo = 0;
        for (Kind kind : kinds) {
            upTo += rate(kind);
            if (drawn < upTo) {
                injected.incrementAndGet(kind.ordinal());
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private double draw(Kind kind) {
        Random random = randoms.get(kind);
        synchronized (random) {
            return random.nextDouble();
        }
    }

    /** How many faults of each kind were injected so far (kinds with a rate, even when none was). */
    public Map<Kind, Long> injected() {
        var counts = new EnumMap<Kind, Long>(Kind.class);
        for (Kind kind : Kind.values()) {
            if (rate(kind) > 0) {
                counts.put(kind, injected.get(kind.ordinal()));
            }
        }
        return counts;
    }

    public long seed() {
        return seed;
    }

    @Override
    public String toString() {
        return rates.entrySet().stream().map(rate -> rate.getKey().option() + "=" + rate.getValue())
                .collect(Collectors.joining(",")) + ",seed=" + seed;
    }
}
