package dev.flowline.aws.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.aws.dynamodb.ImportMappings;
import dev.flowline.aws.dynamodb.ImportMappings.Kind;
import dev.flowline.engine.EnginePorts;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.criteria.FilterBranch;
import dev.flowline.engine.definition.Action;
import dev.flowline.engine.definition.ActionType;
import dev.flowline.engine.definition.CustomCodeAction;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.FlowValidator;
import dev.flowline.engine.definition.Problem;
import dev.flowline.engine.definition.SingleConnectionAction;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.json.InvalidJsonException;
import dev.flowline.engine.list.ContactList;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Copies a HubSpot portal into a Flowline account: its flows, turned off, the lists they name, and with
 * {@code contacts} its contacts and those lists' members. Objects keep their HubSpot ids, so that the flows'
 * references to lists, flows and contacts still hold; an id the account already uses for something not imported
 * gets a new one. {@link ImportMappings} remembers what each HubSpot object became, so a second import updates.
 * A flow Flowline cannot accept is refused with its problems and nothing of it is stored.
 */
public final class PortalImport {

    /** What became of one flow. */
    public record FlowReport(String hubSpotId, String name, String flowlineId, List<String> skipped,
                             List<String> refused) {

        public String line() {
            String flow = "flow " + hubSpotId + " \"" + name + "\": ";
            if (!refused.isEmpty()) {
                return flow + "refused: " + String.join("; ", refused);
            }
            return flow + "imported (turned off) as " + flowlineId
                    + (skipped.isEmpty() ? "" : ", with skipped actions: " + String.join("; ", skipped));
        }
    }

    /** What one import did. */
    public record Report(List<FlowReport> flows, int lists, int contacts) {

        public List<String> lines() {
            var lines = new ArrayList<String>();
            flows.forEach(flow -> lines.add(flow.line()));
            lines.add(flows.stream().filter(f -> f.refused().isEmpty()).count() + " of " + flows.size()
                    + " flows imported, " + lists + " lists, " + contacts + " contacts");
            return lines;
        }
    }

    /** How many contacts share one read and one write of their mappings. */
    private static final int CONTACT_BATCH = 100;

    private final HubSpotPortal portal;
    private final EnginePorts target;
    private final ImportMappings mappings;

    public PortalImport(HubSpotPortal portal, EnginePorts target, ImportMappings mappings) {
        this.portal = portal;
        this.target = target;
        this.mappings = mappings;
    }

    public Report run(boolean withContacts) {
        int contacts = withContacts ? importContacts() : 0;
        var flows = new ArrayList<FlowReport>();
        var listIds = new LinkedHashSet<String>();
        for (String flowId : portal.flowIds()) {
            JsonNode flow = portal.flow(flowId);
            listIdsIn(flow, listIds);
            flows.add(importFlow(flow));
        }
        int lists = 0;
        for (String listId : listIds) {
            if (importList(listId, withContacts)) {
                lists++;
            }
        }
        return new Report(flows, lists, contacts);
    }

    private FlowReport importFlow(JsonNode source) {
        String hubSpotId = source.path("id").asText();
        String name = source.path("name").asText();
        String id = targetId(Kind.FLOW, hubSpotId, target.flows().find(hubSpotId).isPresent());
        ObjectNode copy = ((ObjectNode) source.deepCopy()).put("id", id).put("isEnabled", false);
        copy.remove("revisionId");
        target.flows().find(id).ifPresent(current -> copy.put("revisionId", current.revisionId()));
        Flow flow;
        try {
            flow = FlowlineJson.read(copy, Flow.class);
        } catch (InvalidJsonException e) {
            return new FlowReport(hubSpotId, name, null, List.of(), List.of(e.pointer() + ": " + e.getMessage()));
        }
        List<Problem> problems = FlowValidator.validate(flow, target.webhookHttpHosts());
        if (!problems.isEmpty()) {
            return new FlowReport(hubSpotId, name, null, List.of(),
                    problems.stream().map(p -> p.path() + ": " + p.message()).toList());
        }
        target.flows().save(flow);
        mappings.put(Kind.FLOW, Map.of(hubSpotId, id));
        return new FlowReport(hubSpotId, name, id, skippedActions(flow), List.of());
    }

    /** The actions contacts would skip, with the reason, as Flowline runs them. */
    private static List<String> skippedActions(Flow flow) {
        if (!Flow.CONTACT_FLOW.equals(flow.type()) || !Flow.CONTACT_OBJECT.equals(flow.objectTypeId())) {
            return List.of("all (" + flow.type() + " on " + flow.objectTypeId()
                    + ": Flowline runs contact flows only, so it cannot be turned on)");
        }
        var skipped = new ArrayList<String>();
        for (Action action : flow.actions()) {
            Optional<String> reason = switch (action) {
                case SingleConnectionAction single -> skipReason(single);
                case CustomCodeAction code -> Optional.of("custom code is not run by Flowline");
                default -> Optional.empty();
            };
            reason.ifPresent(why -> skipped.add(action.actionId() + " (" + why + ")"));
        }
        return skipped;
    }

    private static Optional<String> skipReason(SingleConnectionAction action) {
        String typeId = action.actionTypeId();
        if (!ActionType.of(typeId).map(ActionType::performed).orElse(false)) {
            return Optional.of(typeId + ": " + ActionType.skipReason(typeId));
        }
        return Optional.empty();
    }

    /** The list ids a flow names: in filters, suppression lists and list actions, at any depth. */
    private static void listIdsIn(JsonNode node, Set<String> ids) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                switch (field.getKey()) {
                    case "listId", "list_id" -> {
                        if (field.getValue().isValueNode()) {
                            ids.add(field.getValue().asText());
                        }
                    }
                    case "suppressionListIds" -> field.getValue().forEach(id -> ids.add(id.asText()));
                    default -> listIdsIn(field.getValue(), ids);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> listIdsIn(element, ids));
        }
    }

    /** Imports the list and, with contacts imported, its members; false when the portal has no such list. */
    private boolean importList(String hubSpotId, boolean withMembers) {
        Optional<JsonNode> found = portal.list(hubSpotId);
        if (found.isEmpty()) {
            return false;
        }
        JsonNode source = found.get();
        String id = targetId(Kind.LIST, hubSpotId, target.lists().list(hubSpotId).isPresent());
        if (target.lists().list(id).isEmpty()) {
            Instant now = target.clock().instant();
            FilterBranch filter = source.hasNonNull("filterBranch")
                    ? FlowlineJson.read(source.get("filterBranch"), FilterBranch.class) : null;
            target.lists().create(new ContactList(id, source.path("name").asText(),
                    source.path("processingType").asText("MANUAL"), filter, now, now));
        }
        mappings.put(Kind.LIST, Map.of(hubSpotId, id));
        if (withMembers && !"DYNAMIC".equals(source.path("processingType").asText())) {
            List<String> ids = portal.listMembers(hubSpotId);
            Map<String, String> contacts = mappings.find(Kind.CONTACT, ids);
            List<String> members = ids.stream().map(member -> contacts.getOrDefault(member, member)).toList();
            target.lists().addMembers(id, members);
        }
        return true;
    }

    /** Imports every contact of the portal, a batch at a time; returns how many. */
    private int importContacts() {
        var batch = new ArrayList<JsonNode>();
        var count = new AtomicInteger();
        portal.contacts(contact -> {
            batch.add(contact);
            count.incrementAndGet();
            if (batch.size() == CONTACT_BATCH) {
                importContacts(batch);
                batch.clear();
            }
        });
        importContacts(batch);
        return count.get();
    }

    /** Creates each contact, or updates the one an earlier import made, with every property the portal gave. */
    private void importContacts(List<JsonNode> sources) {
        Map<String, String> mapped = mappings.find(Kind.CONTACT,
                sources.stream().map(source -> source.path("id").asText()).toList());
        var made = new HashMap<String, String>();
        Instant at = target.clock().instant();
        for (JsonNode source : sources) {
            String hubSpotId = source.path("id").asText();
            Optional<Contact> existing = target.contacts().find(mapped.getOrDefault(hubSpotId, hubSpotId));
            boolean update = mapped.containsKey(hubSpotId) && existing.isPresent();
            String id = mapped.getOrDefault(hubSpotId, existing.isPresent() ? newId() : hubSpotId);
            Contact contact = update ? existing.get() : new Contact(id);
            source.path("properties").fields().forEachRemaining(property -> {
                if (!property.getValue().isNull()) {
                    contact.setProperty(property.getKey(), property.getValue().asText(), at);
                }
            });
            if (update) {
                target.contacts().save(contact);
            } else {
                target.contacts().create(contact);
            }
            made.put(hubSpotId, id);
        }
        mappings.put(Kind.CONTACT, made);
    }

    /**
     * The Flowline id of a HubSpot object: the one an earlier import gave it, else its HubSpot id, unless the
     * account already has an object of that id that was not imported ({@code taken}); then a new one.
     */
    private String targetId(Kind kind, String hubSpotId, boolean taken) {
        return Optional.ofNullable(mappings.find(kind, List.of(hubSpotId)).get(hubSpotId))
                .orElseGet(() -> taken ? newId() : hubSpotId);
    }

    private static String newId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 10_000_000_000L));
    }
}
