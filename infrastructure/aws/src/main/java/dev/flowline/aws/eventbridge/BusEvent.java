package dev.flowline.aws.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.json.FlowlineJson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the engine publishes on the bus about a contact of an account. {@code causes} are the ids of the events
 * that led to this one (see {@link CauseChain}). The detail JSON:
 * <pre>{@code
 * contact.activity {"id","account","contactId","causes":[…],"event":{"eventTypeId","occurredAt","properties":{…}}}
 * contact.changed  {"id","account","contactId","causes":[…],"properties":["lifecyclestage",…]}
 * }</pre>
 * Events that come from outside Flowline may leave out {@code account}: they belong to the deployment's default
 * account.
 */
public sealed interface BusEvent {

    String SOURCE = "flowline.engine";

    String id();

    Account account();

    String contactId();

    List<String> causes();

    String detailType();

    /** An event of the engine's own: enrolled, unenrolled, goal met. */
    record ContactActivity(String id, Account account, String contactId, List<String> causes, ActivityEvent event)
            implements BusEvent {

        public static final String DETAIL_TYPE = "contact.activity";

        public ContactActivity {
            causes = List.copyOf(causes);
        }

        @Override
        public String detailType() {
            return DETAIL_TYPE;
        }
    }

    /** Properties an action changed. */
    record ContactChanged(String id, Account account, String contactId, List<String> causes, Set<String> properties)
            implements BusEvent {

        public static final String DETAIL_TYPE = "contact.changed";

        public ContactChanged {
            causes = List.copyOf(causes);
            properties = Set.copyOf(properties);
        }

        @Override
        public String detailType() {
            return DETAIL_TYPE;
        }
    }

    default String detail() {
        ObjectNode json = FlowlineJson.mapper().createObjectNode().put("id", id()).put("account", account().id())
                .put("contactId", contactId());
        causes().forEach(json.putArray("causes")::add);
        switch (this) {
            case ContactActivity activity -> {
                ObjectNode event = json.putObject("event")
                        .put("eventTypeId", activity.event().eventTypeId())
                        .put("occurredAt", activity.event().occurredAt().toString());
                activity.event().properties().forEach(event.putObject("properties")::put);
            }
            case ContactChanged changed -> changed.properties().stream().sorted()
                    .forEach(json.putArray("properties")::add);
        }
        return json.toString();
    }

    /** An event whose detail names no account belongs to {@code unnamed}. */
    static BusEvent parse(String detailType, String detail, Account unnamed) {
        JsonNode json = FlowlineJson.read(detail, JsonNode.class);
        String id = json.path("id").asText();
        Account account = json.hasNonNull("account") ? new Account(json.get("account").asText()) : unnamed;
        String contactId = json.path("contactId").asText();
        var causes = new ArrayList<String>();
        json.path("causes").forEach(cause -> causes.add(cause.asText()));
        return switch (detailType) {
            case ContactActivity.DETAIL_TYPE -> {
                JsonNode event = json.path("event");
                var properties = new LinkedHashMap<String, String>();
                event.path("properties").properties().forEach(p -> properties.put(p.getKey(), p.getValue().asText()));
                yield new ContactActivity(id, account, contactId, causes, new ActivityEvent(event.path("eventTypeId").asText(),
                        Instant.parse(event.path("occurredAt").asText()), properties));
            }
            case ContactChanged.DETAIL_TYPE -> {
                var properties = new LinkedHashSet<String>();
                json.path("properties").forEach(p -> properties.add(p.asText()));
                yield new ContactChanged(id, account, contactId, causes, properties);
            }
            default -> throw new IllegalArgumentException("not a Flowline contact event: " + detailType);
        };
    }
}
