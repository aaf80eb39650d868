package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.FlowValidator;
import dev.flowline.engine.definition.SingleConnectionAction;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.UnenrolmentReason;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.json.InvalidJsonException;
import dev.flowline.engine.list.ListStore;
import dev.flowline.engine.history.HistoryEntry;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.owner.OwnerDirectory;
import dev.flowline.engine.simulation.SimulationReport;
import dev.flowline.engine.simulation.Simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs one flow on the simulator from now: the given contacts are created at the start, then the timeline
 * changes their properties, records their events or enrols them by hand, until the end of the run. Nothing is
 * stored. The flow runs as if turned on, so that a flow can be tried before it is. The request is checked as
 * a whole first: a 400 lists every problem with its JSON Pointer.
 */
final class DryRuns {

    static final String DRY_RUN_FLOW_ID = "dry-run";
    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;
    static final int MAX_CONTACTS = 1_000;
    static final int MAX_TIMELINE = 10_000;

    private final Clock clock;
    private final ZoneId timeZone;
    private final OwnerDirectory owners;
    private final ListStore lists;

    /**
     * @param owners the account's owner directory, and {@code lists} its lists, which the run's actions read as the
     *               deployed ones do
     */
    DryRuns(Clock clock, ZoneId timeZone, OwnerDirectory owners, ListStore lists) {
        this.clock = clock;
        this.timeZone = timeZone;
        this.owners = owners;
        this.lists = lists;
    }

    /** A contact at the start of the run. */
    private record StartingContact(String id, Map<String, String> properties) {
    }

    /** One timeline entry: property changes and an event, or (with {@code enrol}) a manual enrolment. */
    private record Entry(Instant at, String contactId, Map<String, String> properties, ActivityEvent event,
                         boolean enrol) {
    }

    /** @param currentActionId the action the contact's next step runs, at {@code dueAt} (null: when it can) */
    record ContactOutcome(String contactId, String status, String currentActionId, String dueAt,
                          UnenrolmentReason unenrolmentReason, String reason, int enrollments) {
    }

    record Email(String kind, String idempotencyKey, String contactId, List<String> to, String contentId,
                 String subject) {
    }

    /** A record the run started with, as the run left it. */
    record RecordOutcome(String objectTypeId, String id, Map<String, String> properties) {
    }

    /** @param records the records the run started with, as it left them; absent when it had none */
    record Result(String flowId, String start, String until, List<ContactOutcome> contacts,
                  FlowlineViews.Metrics metrics, List<Email> emails, List<RecordOutcome> records) {
    }

    /** @param stored the stored flow to run, or null for the body's {@code flow} */
    Result run(JsonNode body, Flow stored) {
        Instant start = clock.instant();
        var problems = new ArrayList<ApiError>();
        Flow flow = flow(body.path("flow"), stored, problems);
        Instant until = until(body, start, problems);
        List<StartingContact> contacts = contacts(body.path("contacts"), problems);
        Set<String> ids = new HashSet<>();
        contacts.forEach(c -> ids.add(c.id()));
        List<Entry> timeline = timeline(body.path("timeline"), start, until, ids, problems);
        List<DryRunRecords.Seed> records = DryRunRecords.parse(body.path("records"), ids, start, problems);
        if (!problems.isEmpty()) {
            throw ApiException.invalid("the dry run request has " + problems.size() + " problem(s)", problems);
        }
        var simulator = new Simulator(start, timeZone);
        SimulationReport report;
        try {
            report = simulate(simulator, flow, until, contacts, timeline, records);
        } catch (IllegalStateException e) {
            throw new ApiException(422, "SIMULATION_DID_NOT_SETTLE", e.getMessage(), List.of());
        }
        return new Result(flow.id(), start.toString(), until.toString(),
                contacts.stream().map(c -> outcome(report, flow.id(), c.id())).toList(),
                FlowlineViews.metrics(report.metrics(flow.id())), emails(report),
                records.isEmpty() ? null : records.stream().map(seed -> simulator.outbox().crm()
                        .find(seed.record().type(), seed.record().id()).orElse(seed.record()))
                        .map(r -> new RecordOutcome(r.type().id(), r.id(), r.properties())).toList());
    }

    /** The lists the flow's list actions add to or remove from. */
    private static Stream<String> listsNamedByActions(Flow flow) {
        return flow.actions().stream().filter(SingleConnectionAction.class::isInstance)
                .map(SingleConnectionAction.class::cast).filter(action -> action.fields() != null)
                .flatMap(action -> Stream.of("list_id", "listId").map(field -> action.fields().path(field).asText("")))
                .filter(id -> !id.isBlank()).distinct();
    }

    private SimulationReport simulate(Simulator simulator, Flow flow, Instant until, List<StartingContact> contacts,
                                      List<Entry> timeline, List<DryRunRecords.Seed> records) {
        Instant start = simulator.clock().instant();
        simulator.addFlow(flow);
        DryRunRecords.seed(records, simulator.outbox().crm());
        owners.teams().forEach(simulator.outbox().directory()::putTeam);
        owners.everyActiveOwner().forEach(simulator.outbox().directory()::putOwner);
        listsNamedByActions(flow).forEach(id -> lists.list(id).ifPresent(simulator.lists()::create));
        contacts.forEach(c -> {
            var contact = new Contact(c.id());
            c.properties().forEach((name, value) -> contact.setProperty(name, value, start));
            simulator.addContact(contact);
        });
        timeline.stream().filter(entry -> !entry.enrol()).forEach(entry -> simulator.at(entry.at(),
                entry.contactId(), contact -> entry.properties().forEach((name, value) ->
                        contact.setProperty(name, value, entry.at())),
                entry.event() == null ? new ActivityEvent[0] : new ActivityEvent[]{entry.event()}));
        // a manual enrolment happens "now": run up to each one, in time order
        timeline.stream().filter(Entry::enrol).sorted(Comparator.comparing(Entry::at)).forEach(entry -> {
            simulator.runUntil(entry.at());
            simulator.enrol(flow.id(), entry.contactId());
        });
        return simulator.runUntil(until);
    }

    private static Flow flow(JsonNode json, Flow stored, List<ApiError> problems) {
        if (stored != null && !json.isMissingNode()) {
            problems.add(new ApiError("/flow", "the flow comes from the path: leave flow out"));
        }
        if (stored == null && !json.isObject()) {
            problems.add(new ApiError("/flow", "flow is required and must be a flow definition (an object)"));
            return null;
        }
        ObjectNode tree = stored != null ? (ObjectNode) FlowlineJson.tree(stored) : ((ObjectNode) json).deepCopy();
        if (!tree.path("id").isTextual() && !tree.path("id").isNumber()) {
            tree.put("id", DRY_RUN_FLOW_ID);
        }
        tree.put("isEnabled", true);
        Flow flow;
        try {
            flow = FlowlineJson.read(tree, Flow.class);
        } catch (InvalidJsonException e) {
            problems.add(new ApiError("/flow" + e.pointer(), e.getMessage()));
            return null;
        }
        FlowValidator.validate(flow).forEach(p -> problems.add(new ApiError("/flow" + p.path(), p.message())));
        return flow;
    }

    private static Instant until(JsonNode body, Instant start, List<ApiError> problems) {
        JsonNode until = body.path("until");
        JsonNode days = body.path("days");
        if (!until.isMissingNode() && !days.isMissingNode()) {
            problems.add(new ApiError("/days", "give until or days, not both"));
        }
        if (!until.isMissingNode()) {
            Instant end = instant(until, "/until", problems);
            if (end != null && !end.isAfter(start)) {
                problems.add(new ApiError("/until", "until must be after the start of the run, " + start));
            } else if (end != null && end.isAfter(start.plus(Duration.ofDays(MAX_DAYS)))) {
                problems.add(new ApiError("/until", "a dry run covers at most " + MAX_DAYS + " days"));
            }
            return end;
        }
        if (days.isMissingNode()) {
            return start.plus(Duration.ofDays(DEFAULT_DAYS));
        }
        if (!days.isIntegralNumber() || days.asLong() < 1 || days.asLong() > MAX_DAYS) {
            problems.add(new ApiError("/days", "days must be a whole number from 1 to " + MAX_DAYS));
            return null;
        }
        return start.plus(Duration.ofDays(days.asLong()));
    }

    private static List<StartingContact> contacts(JsonNode json, List<ApiError> problems) {
        var contacts = new ArrayList<StartingContact>();
        if (!items(json, "/contacts", MAX_CONTACTS, problems)) {
            return contacts;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < json.size(); i++) {
            String at = "/contacts/" + i;
            String id = id(json.get(i).path("id"), at + "/id", problems);
            if (id != null && !seen.add(id)) {
                problems.add(new ApiError(at + "/id", "contact " + id + " is given twice"));
            }
            Map<String, String> properties = properties(json.get(i).path("properties"), at + "/properties", problems);
            if (id != null) {
                contacts.add(new StartingContact(id, properties));
            }
        }
        return contacts;
    }

    private static List<Entry> timeline(JsonNode json, Instant start, Instant until, Set<String> contactIds,
                                        List<ApiError> problems) {
        var entries = new ArrayList<Entry>();
        if (!items(json, "/timeline", MAX_TIMELINE, problems)) {
            return entries;
        }
        for (int i = 0; i < json.size(); i++) {
            String at = "/timeline/" + i;
            JsonNode item = json.get(i);
            Instant when = when(item, at, start, problems);
            if (when != null && until != null && when.isAfter(until)) {
                problems.add(new ApiError(at, "this entry is after the end of the run, " + until));
            }
            String contactId = id(item.path("contactId"), at + "/contactId", problems);
            if (contactId != null && !contactIds.contains(contactId)) {
                problems.add(new ApiError(at + "/contactId", "contact " + contactId + " is not in contacts"));
            }
            Map<String, String> properties = properties(item.path("properties"), at + "/properties", problems);
            ActivityEvent event = event(item.path("event"), at + "/event", when, problems);
            boolean enrol = item.path("enrol").asBoolean(false);
            if (enrol && (event != null || !properties.isEmpty())) {
                problems.add(new ApiError(at + "/enrol", "an enrolment entry has no properties or event"));
            }
            entries.add(new Entry(when, contactId, properties, event, enrol));
        }
        return entries;
    }

    /** An entry's time: {@code at} (an ISO instant) or {@code afterSeconds} from the start, exactly one. */
    private static Instant when(JsonNode item, String at, Instant start, List<ApiError> problems) {
        JsonNode instant = item.path("at");
        JsonNode after = item.path("afterSeconds");
        if (instant.isMissingNode() == after.isMissingNode()) {
            problems.add(new ApiError(at, "give either at or afterSeconds"));
            return null;
        }
        if (!after.isMissingNode()) {
            if (!after.isIntegralNumber() || after.asLong() < 0) {
                problems.add(new ApiError(at + "/afterSeconds", "afterSeconds must be a whole number, 0 or more"));
                return null;
            }
            return start.plusSeconds(after.asLong());
        }
        Instant when = instant(instant, at + "/at", problems);
        if (when != null && when.isBefore(start)) {
            problems.add(new ApiError(at + "/at", "at is before the start of the run, " + start));
        }
        return when;
    }

    private static ActivityEvent event(JsonNode json, String at, Instant when, List<ApiError> problems) {
        if (json.isMissingNode()) {
            return null;
        }
        if (!json.isObject()) {
            problems.add(new ApiError(at, "event must be an object"));
            return null;
        }
        String type = id(json.path("eventTypeId"), at + "/eventTypeId", problems);
        Map<String, String> properties = properties(json.path("properties"), at + "/properties", problems);
        return type == null || when == null ? null : new ActivityEvent(type, when, properties);
    }

    private static boolean items(JsonNode json, String at, int max, List<ApiError> problems) {
        if (json.isMissingNode()) {
            return false;
        }
        if (!json.isArray()) {
            problems.add(new ApiError(at, "must be an array"));
            return false;
        }
        if (json.size() > max) {
            problems.add(new ApiError(at, "a dry run takes at most " + max + " entries here"));
            return false;
        }
        for (int i = 0; i < json.size(); i++) {
            if (!json.get(i).isObject()) {
                problems.add(new ApiError(at + "/" + i, "this entry must be an object"));
                return false;
            }
        }
        return true;
    }

    private static String id(JsonNode json, String at, List<ApiError> problems) {
        if ((json.isTextual() || json.isIntegralNumber()) && !json.asText().isBlank()) {
            return json.asText();
        }
        problems.add(new ApiError(at, "a non-empty string is required"));
        return null;
    }

    /**
     * Property values as HubSpot stores them: strings; numbers and booleans are written out, null clears. Names and
     * values are checked as a contact write checks them ({@link ContactWrites#problem}).
     */
    private static Map<String, String> properties(JsonNode json, String at, List<ApiError> problems) {
        var properties = new LinkedHashMap<String, String>();
        if (json.isMissingNode()) {
            return properties;
        }
        if (!json.isObject()) {
            problems.add(new ApiError(at, "properties must be an object of property names to values"));
            return properties;
        }
        json.properties().forEach(property -> {
            JsonNode value = property.getValue();
            String in = at + "/" + pointerToken(property.getKey());
            if (value.isContainerNode()) {
                problems.add(new ApiError(in, "a property value is a string, a number, a boolean or null"));
            } else {
                String text = value.isNull() ? null : value.asText();
                ContactWrites.problem(in, property.getKey(), text).ifPresentOrElse(problems::add,
                        () -> properties.put(property.getKey(), text));
            }
        });
        return properties;
    }

    private static Instant instant(JsonNode json, String at, List<ApiError> problems) {
        try {
            return Instant.parse(json.asText());
        } catch (DateTimeParseException e) {
            problems.add(new ApiError(at, "an ISO-8601 instant is required, such as 2025-01-31T09:00:00Z"));
            return null;
        }
    }

    private static String pointerToken(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static ContactOutcome outcome(SimulationReport report, String flowId, String contactId) {
        List<Enrolment> enrolments = report.enrolments(flowId).stream()
                .filter(e -> e.contactId().equals(contactId)).toList();
        if (enrolments.isEmpty()) {
            String refusal = report.history().ofContact(contactId).stream()
                    .filter(h -> h.kind() == HistoryKind.NOT_ENROLLED && flowId.equals(h.flowId()))
                    .map(HistoryEntry::detail).reduce((first, last) -> last).orElse(null);
            return new ContactOutcome(contactId, "NOT_ENROLLED", null, null, null, refusal, 0);
        }
        Enrolment last = enrolments.stream().max(Comparator.comparingInt(Enrolment::number)).orElseThrow();
        return new ContactOutcome(contactId, last.status().name(), last.currentActionId(),
                FlowlineViews.text(last.dueAt()), last.unenrolmentReason(), null, enrolments.size());
    }

    private static List<Email> emails(SimulationReport report) {
        var emails = new ArrayList<Email>();
        report.outbox().marketingEmails().forEach(m -> emails.add(new Email("MARKETING", m.idempotencyKey(),
                m.contactId(), m.to() == null ? List.of() : List.of(m.to()), m.contentId(), null)));
        report.outbox().internalEmails().forEach(m -> emails.add(new Email("INTERNAL", m.idempotencyKey(),
                m.contactId(), m.to(), null, m.subject())));
        return emails;
    }
}
