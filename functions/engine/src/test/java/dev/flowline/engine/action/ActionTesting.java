package dev.flowline.engine.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactStore;
import dev.flowline.engine.email.EmailTemplates;
import dev.flowline.engine.crm.CrmObjects;
import dev.flowline.engine.crm.CrmObjectStore;
import dev.flowline.engine.crm.StoredCrmRecords;
import dev.flowline.engine.criteria.EvaluationContext;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentDecision;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.list.MembershipChange;
import dev.flowline.engine.history.HistoryEntry;
import dev.flowline.engine.owner.OwnerDirectory;
import dev.flowline.engine.simulation.InMemoryContactStore;
import dev.flowline.engine.simulation.InMemoryCrmObjectStore;
import dev.flowline.engine.simulation.InMemoryOwnerDirectory;
import dev.flowline.engine.simulation.Outbox;
import dev.flowline.engine.simulation.SimulationReport;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Flows of actions in a row, contacts and contexts for action tests. */
final class ActionTesting {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    /** A Monday, 10:00 in Paris. */
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private ActionTesting() {
    }

    /** A turned-on manual contact flow whose actions (JSON without ids or connections) run one after another. */
    static Flow flow(String id, String... actions) {
        ObjectNode flow = FlowlineJson.mapper().createObjectNode()
                .put("id", id).put("type", "CONTACT_FLOW").put("objectTypeId", "0-1").put("isEnabled", true)
                .put("startActionId", "1");
        flow.putObject("enrollmentCriteria").put("type", "MANUAL").put("shouldReEnroll", false);
        ArrayNode list = flow.putArray("actions");
        for (int i = 0; i < actions.length; i++) {
            ObjectNode action = (ObjectNode) read(actions[i]);
            action.put("actionId", String.valueOf(i + 1));
            if (i + 1 < actions.length) {
                action.putObject("connection").put("edgeType", "STANDARD").put("nextActionId", String.valueOf(i + 2));
            }
            list.add(action);
        }
        return FlowlineJson.read(flow, Flow.class);
    }

    /** A built-in action of {@code actionTypeId} with {@code fields}. */
    static String action(String actionTypeId, String fields) {
        return "{\"type\":\"SINGLE_CONNECTION\",\"actionTypeId\":\"" + actionTypeId
                + "\",\"actionTypeVersion\":0,\"fields\":" + fields + "}";
    }

    /** A set-property action, used as the "next action" that shows a flow went on. */
    static String setProperty(String property, String value) {
        return action("0-5", "{\"property_name\":\"" + property
                + "\",\"value\":{\"type\":\"STATIC_VALUE\",\"staticValue\":\"" + value + "\"}}");
    }

    static Contact contact(String id, String... propertiesAndValues) {
        var contact = new Contact(id);
        for (int i = 0; i < propertiesAndValues.length; i += 2) {
            contact.setProperty(propertiesAndValues[i], propertiesAndValues[i + 1], START.minusSeconds(3600));
        }
        contact.takeChanges();
        return contact;
    }

    /** No other workflow to enrol in. */
    static final WorkflowEnrolments NO_WORKFLOWS =
            (flowId, contactId) -> new EnrolmentDecision(Optional.empty(), "no workflows here");
    /** No list to add to or remove from. */
    static final StaticLists NO_LISTS =
            (listId, contactId, add) -> new MembershipChange(MembershipChange.Outcome.REFUSED, "no lists here");

    /** Every built-in action on the outbox's stand-in services, with no other workflow or list. */
    static ActionExecutor executor(Outbox outbox) {
        return ActionHandlers.executor(ports(outbox), NO_WORKFLOWS, NO_LISTS, (contactId, runningIn) -> false);
    }

    static ActionPorts ports(Outbox outbox) {
        return ports(outbox, new InMemoryContactStore());
    }

    /** The outbox's ports; tasks and records go to its CRM store, associated with contacts of {@code contacts}. */
    static ActionPorts ports(Outbox outbox, ContactStore contacts) {
        Clock clock = Clock.fixed(START, ZONE);
        CrmRecords records = new StoredCrmRecords(clock, new CrmObjects(clock, contacts, outbox.crm()));
        return new ActionPorts() {
            public Mailer mailer() {
                return outbox;
            }

            public EmailTemplates emailTemplates() {
                return outbox.emailTemplates();
            }

            public Notifier notifier() {
                return outbox;
            }

            public CrmRecords records() {
                return records;
            }

            public OwnerDirectory owners() {
                return outbox.directory();
            }

            public RotationState rotations() {
                return outbox;
            }

            public WebhookCaller webhooks() {
                return outbox;
            }

            public SmsSender sms() {
                return outbox;
            }

            public SmsQuota smsQuota() {
                return outbox;
            }

            public ContactStore contacts() {
                return new InMemoryContactStore();
            }

            public CrmObjectStore crmObjects() {
                return outbox.crm();
            }
        };
    }

    static ActionContext context(Flow flow, Contact contact, Instant now) {
        Enrolment enrolment = Enrolment.start(flow.id(), contact.id(), 1, EnrolmentSource.MANUAL, "1", now);
        return new ActionContext(flow, enrolment, contact, now, ZONE, EvaluationContext.of(Clock.fixed(now, ZONE)),
                enrolment.nextStep().idempotencyKey(), new Tokens(new InMemoryOwnerDirectory(), new InMemoryContactStore(),
                new InMemoryCrmObjectStore()));
    }

    static ActionContext withOutputs(ActionContext context, String actionId, Map<String, String> outputs) {
        return new ActionContext(context.flow(), context.enrolment().withOutput(actionId, outputs), context.contact(),
                context.now(), context.timeZone(), context.evaluation(), context.idempotencyKey(), context.tokens());
    }

    /** The history lines of a contact about one action of a flow, in order. */
    static List<HistoryEntry> historyOf(SimulationReport report, String flowId, String contactId, String actionId) {
        return report.history().ofContact(contactId).stream()
                .filter(e -> flowId.equals(e.flowId()) && actionId.equals(e.actionId())).toList();
    }

    static HistoryEntry lastOf(SimulationReport report, String flowId, String contactId, String actionId) {
        return historyOf(report, flowId, contactId, actionId).getLast();
    }

    static JsonNode read(String json) {
        try {
            return FlowlineJson.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
