package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.json.FlowlineJson;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Shared test data: a fixed clock, HubSpot JSON parsing, constant filters and events. */
final class FilterFixtures {

    static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");
    static final EvaluationContext CONTEXT = EvaluationContext.of(Clock.fixed(NOW, ZoneOffset.UTC));
    static final FilterEvaluator EVALUATOR = new FilterEvaluator();
    static final String TRUE = """
            {"filterType":"CONSTANT","shouldAccept":true}""";
    static final String FALSE = """
            {"filterType":"CONSTANT","shouldAccept":false}""";

    private FilterFixtures() {
    }

    static FilterBranch branch(String json) {
        return FlowlineJson.read(json, FilterBranch.class);
    }

    static Filter filter(String json) {
        return FlowlineJson.read(json, Filter.class);
    }

    /** A branch of the type holding the filters, given as JSON. */
    static FilterBranch branchOf(String type, String... filters) {
        return branch("""
                {"filterBranchType":"%s","filterBranchOperator":"%s","filterBranches":[],"filters":[%s]}"""
                .formatted(type, type, String.join(",", filters)));
    }

    /** A branch of the type holding the child branches. */
    static FilterBranch nest(String type, FilterBranch... children) {
        return new FilterBranch(type, type, Arrays.asList(children), List.of(), null, null, null, null, null, null,
                null, null);
    }

    static ConstantFilter constant(boolean accept) {
        return new ConstantFilter("CONSTANT", accept, null, null);
    }

    static ActivityEvent event(String eventTypeId, Duration ago, Map<String, String> properties) {
        return new ActivityEvent(eventTypeId, NOW.minus(ago), properties);
    }

    static Contact contactWith(ActivityEvent... events) {
        Contact contact = new Contact("1");
        for (ActivityEvent event : events) {
            contact.record(event);
        }
        return contact;
    }

    static boolean matches(String filterJson, Contact contact) {
        return EVALUATOR.matches(filter(filterJson), contact, CONTEXT);
    }
}
