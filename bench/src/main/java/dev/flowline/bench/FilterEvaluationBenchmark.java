package dev.flowline.bench;

import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.criteria.EvaluationContext;
import dev.flowline.engine.criteria.FilterBranch;
import dev.flowline.engine.criteria.FilterEvaluator;
import dev.flowline.engine.criteria.ListDefinition;
import dev.flowline.engine.json.FlowlineJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.flowline.bench.HubSpotJson.branch;
import static dev.flowline.bench.HubSpotJson.hadEventInLastDays;
import static dev.flowline.bench.HubSpotJson.inList;
import static dev.flowline.bench.HubSpotJson.isAnyOf;
import static dev.flowline.bench.HubSpotJson.isEqualTo;
import static dev.flowline.bench.HubSpotJson.isGreaterThan;
import static dev.flowline.bench.HubSpotJson.isKnown;

/**
 * One contact (200 properties, 500 events) against an OR of 3 AND branches of 4 property filters, the last
 * branch also holding a list filter and an event filter with a time window. The first two branches fail on
 * their last filter and the third passes, so every filter is evaluated: the most work this branch can take.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class FilterEvaluationBenchmark {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final String LIST_ID = "42";
    private static final String EVENT_ID = "pe123_demo_booked";
    private static final List<String> OTHER_EVENTS = List.of("pe123_page_scrolled", "pe123_video_played",
            "pe123_pricing_viewed", "pe123_trial_started");

    private final FilterEvaluator evaluator = new FilterEvaluator();
    private FilterBranch branch;
    private Contact contact;
    private EvaluationContext context;

    @Setup
    public void setUp() {
        branch = FlowlineJson.read(branch("OR", List.of(), List.of(
                branch("AND", List.of(isEqualTo("p1", "v1"), isGreaterThan("score", 10), isKnown("p2"),
                        isAnyOf("p3", "other")), List.of()),
                branch("AND", List.of(isAnyOf("p4", "v4", "v5"), isKnown("p5"), isGreaterThan("score", 10),
                        isEqualTo("p6", "other")), List.of()),
                branch("AND", List.of(isEqualTo("p7", "v7"), isAnyOf("p8", "v8"), isKnown("p9"),
                        isGreaterThan("score", 10), inList(LIST_ID), hadEventInLastDays(EVENT_ID, 30)), List.of()))),
                FilterBranch.class);
        contact = contactWithPropertiesAndEvents();
        context = EvaluationContext.of(Clock.fixed(NOW, ZoneOffset.UTC))
                .withLists(listId -> Optional.of(new ListDefinition(listId, ListDefinition.MANUAL, null)));
        if (!evaluate()) {
            throw new IllegalStateException("the benchmark's contact should pass the third branch");
        }
    }

    /** 200 properties p0..p198 and score; 500 events an hour apart, the newest (5 days old) the one filtered on. */
    private static Contact contactWithPropertiesAndEvents() {
        var contact = new Contact("c1");
        Instant created = NOW.minus(Duration.ofDays(365));
        for (int i = 0; i < 199; i++) {
            contact.setProperty("p" + i, "v" + i, created);
        }
        contact.setProperty("score", "50", created);
        contact.addToList(LIST_ID);
        Instant newest = NOW.minus(Duration.ofDays(5));
        for (int i = 499; i >= 0; i--) {
            String type = i == 0 ? EVENT_ID : OTHER_EVENTS.get(i % OTHER_EVENTS.size());
            contact.record(new ActivityEvent(type, newest.minus(Duration.ofHours(i)), Map.of("hs_url", "/page/" + i)));
        }
        contact.takeChanges();
        return contact;
    }

    @Benchmark
    public boolean evaluate() {
        return evaluator.matches(branch, contact, context);
    }
}
