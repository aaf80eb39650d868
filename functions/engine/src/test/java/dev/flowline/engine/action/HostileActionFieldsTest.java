package dev.flowline.engine.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.FlowValidator;
import dev.flowline.engine.json.Seeded;
import dev.flowline.engine.json.Seeded.Case;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static dev.flowline.engine.action.ActionTesting.action;
import static dev.flowline.engine.action.ActionTesting.flow;
import static dev.flowline.engine.action.DelayFixtures.run;
import static dev.flowline.engine.timing.TestFlows.paris;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The fields the engine computes times and numbers from (delays, a task's due time, a relative date-time, an
 * increment), filled with extreme and malformed values: an action the validator accepts always runs, quickly,
 * never with an exception, for a contact whose date is ordinary, missing or not a date.
 */
class HostileActionFieldsTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Instant NOW = paris("2026-03-27T10:00");
    private static final List<JsonNode> NUMBERS = List.of(NODES.textNode("0"), NODES.textNode("-1"),
            NODES.textNode("1830"), NODES.textNode("1831"), NODES.textNode("2635200"), NODES.textNode("2635201"),
            NODES.textNode("43920"), NODES.textNode("261"), NODES.textNode("99999999999999999999"),
            NODES.textNode("9223372036854775807"), NODES.textNode("-9223372036854775808"), NODES.textNode("1e3"),
            NODES.textNode("1.5"), NODES.textNode("5.0"), NODES.textNode(" 7 "), NODES.textNode(""),
            NODES.textNode("NaN"), NODES.textNode("1e99999999"), NODES.numberNode(60), NODES.numberNode(-1830),
            NODES.numberNode(1e300), NODES.numberNode(new BigInteger("1" + "0".repeat(40))), NODES.booleanNode(true),
            NODES.objectNode(), NODES.nullNode());
    private static final List<String> UNITS = List.of("MINUTES", "HOURS", "DAYS", "WEEKS", "MONTHS", "YEARS",
            "HALF_DAYS", "MILLIS", "FOREVER", "ERAS", "days", "");
    private static final List<String> DAYS = List.of("MONDAY", "FRIDAY", "FUNDAY", "monday", "");
    private static final List<JsonNode> HOURS_AND_MINUTES = List.of(NODES.numberNode(0), NODES.numberNode(23),
            NODES.numberNode(59), NODES.numberNode(60), NODES.numberNode(-1), NODES.numberNode(9.5),
            NODES.textNode("9"), NODES.numberNode(Integer.MAX_VALUE + 1L), NODES.nullNode());
    private static final List<String> DATES = List.of("0", "1783987200000", "2026-07-14", "2026-07-14T08:00:00Z",
            "2026-02-30", "9994-12-26", "9994-12-27", "0001-01-02", "0001-01-01T12:00:00Z", "253402300799999",
            "253402300800000", "-62135596800000", "-62135596800001", "9223372036854775807", "+10000-01-01T00:00:00Z",
            "tomorrow", "");
    /** Contact dates: ordinary, long past, unreadable, absent. */
    private static final List<String> CONTACT_DATES = List.of("1783987200000", "2026-03-20", "0001-01-01",
            "not a date", "9223372036854775807", "");
    private static final List<String> ZONES = List.of("Europe/Paris", "+18:00", "Mars/Olympus_Mons", "");

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void anActionTheValidatorAcceptsAlwaysRuns(Case<Input> input) {
        input.check(HostileActionFieldsTest::runIfAccepted);
    }

    private static void runIfAccepted(Input input) {
        Flow flow = flow("F", action(input.actionTypeId(), input.fields().toString()));
        if (!FlowValidator.validate(flow).isEmpty()) {
            return;
        }
        var contact = new Contact("c1");
        if (!input.contactDate().isEmpty()) {
            contact.setProperty("renewal_date", input.contactDate(), NOW);
        }
        StepResult result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> run(flow, contact, NOW));
        assertThat(result).isNotNull();
    }

    /** The fields of one action, and the contact's date property. */
    record Input(String actionTypeId, ObjectNode fields, String contactDate) {
    }

    static Stream<Case<Input>> actions() {
        return Seeded.cases(1000, edges(), HostileActionFieldsTest::random);
    }

    /** The attacks of issue 15, and the largest values accepted. */
    private static List<Input> edges() {
        var edges = new ArrayList<Input>();
        for (String delta : List.of("99999999999999999999", "9223372036854775807", "2635200", "0")) {
            ObjectNode fields = NODES.objectNode().put("delta", delta).put("time_unit", "MINUTES");
            edges.add(new Input("0-1", fields, ""));
        }
        ObjectNode latest = NODES.objectNode().put("delta", "1830").put("time_unit", "DAYS");
        latest.putObject("date").put("type", "STATIC_VALUE").put("staticValue", "9994-12-26");
        latest.putObject("time_of_day").put("hour", 23).put("minute", 59);
        edges.add(new Input("0-35", latest, ""));
        return edges;
    }

    private static Input random(Random random) {
        String type = Seeded.pick(random, List.of("0-1", "0-35", "0-29", "0-3", "0-5"));
        ObjectNode fields = NODES.objectNode();
        switch (type) {
            case "0-1" -> {
                maybe(random, fields, "delta", Seeded.pick(random, NUMBERS));
                maybe(random, fields, "time_unit", NODES.textNode(Seeded.pick(random, UNITS)));
                if (random.nextInt(3) == 0) {
                    fields.putArray("days_of_week").add(Seeded.pick(random, DAYS));
                }
                maybe(random, fields, "time_of_day", time(random));
            }
            case "0-35" -> {
                ObjectNode date = fields.putObject("date");
                if (random.nextBoolean()) {
                    date.put("type", "STATIC_VALUE").put("staticValue", Seeded.pick(random, DATES));
                } else {
                    date.put("type", random.nextInt(5) == 0 ? "NEXT_FULL_MOON" : "OBJECT_PROPERTY")
                            .put("propertyName", "renewal_date");
                }
                maybe(random, fields, "delta", Seeded.pick(random, NUMBERS));
                maybe(random, fields, "time_unit", NODES.textNode(Seeded.pick(random, UNITS)));
                maybe(random, fields, "time_of_day", time(random));
            }
            case "0-29" -> {
                fields.putArray("event_filter_branches");
                maybe(random, fields, "expiration_minutes", Seeded.pick(random, NUMBERS));
            }
            case "0-3" -> fields.put("task_type", "TODO").put("subject", "Call").set("due_time", relative(random));
            default -> {
                fields.put("property_name", "score");
                fields.set("value", random.nextBoolean()
                        ? NODES.objectNode().put("type", "RELATIVE_DATETIME").set("timeDelay", relative(random))
                        : NODES.objectNode().put("type", "INCREMENT").set("incrementAmount", Seeded.pick(random, NUMBERS)));
            }
        }
        return new Input(type, fields, Seeded.pick(random, CONTACT_DATES));
    }

    private static ObjectNode relative(Random random) {
        ObjectNode time = NODES.objectNode();
        maybe(random, time, "delta", Seeded.pick(random, NUMBERS));
        maybe(random, time, "timeUnit", NODES.textNode(Seeded.pick(random, UNITS)));
        maybe(random, time, "timeOfDay", time(random));
        if (random.nextInt(3) == 0) {
            time.putArray("daysOfWeek").add(Seeded.pick(random, DAYS));
        }
        if (random.nextInt(3) == 0) {
            time.putObject("timeZoneStrategy").put("type", "STATIC_TIME_ZONE")
                    .put("timeZoneId", Seeded.pick(random, ZONES));
        }
        return time;
    }

    private static JsonNode time(Random random) {
        ObjectNode time = NODES.objectNode();
        maybe(random, time, "hour", Seeded.pick(random, HOURS_AND_MINUTES));
        maybe(random, time, "minute", Seeded.pick(random, HOURS_AND_MINUTES));
        return time;
    }

    private static void maybe(Random random, ObjectNode object, String field, JsonNode value) {
        if (random.nextInt(4) != 0) {
            object.set(field, value);
        }
    }
}
