package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.enrolment.EnrolmentStatus;
import dev.flowline.engine.enrolment.EventWait;
import dev.flowline.engine.enrolment.UnenrolmentReason;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import static java.util.stream.Collectors.toMap;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBool;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * An enrolment as a DynamoDB item: one attribute per field, plus the keys of the indexes. The keys of the sparse
 * indexes are written only when the enrolment belongs in them, so replacing the item moves it in or out. The
 * enrolment id, flow id and the contact index keys are {@link Account#key account keys}; the due index is shared
 * by all accounts (one wake-up a minute), so its items name their account in {@value #ACCOUNT}.
 */
final class EnrolmentItem {

    static final String PK = "pk";
    static final String SEQUENCE = "sequence";
    static final String CONTACT_ID = "contactId";
    static final String FLOW_NUMBER = "flowNumber";
    static final String ACTIVE_CONTACT_ID = "activeContactId";
    static final String DUE_MINUTE = "dueMinute";
    static final String DUE_AT = "dueAt";
    static final String ACCOUNT = "account";
    static final String FLOW_ID = "flowId";
    /** Wake-ups due in one minute are spread over this many index keys, so a busy minute is not one hot key. */
    static final int DUE_SHARDS = 8;

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

    private EnrolmentItem() {
    }

    static Map<String, AttributeValue> toItem(Enrolment e, Account account) {
        var item = new HashMap<String, AttributeValue>();
        item.put(PK, fromS(account.key(e.enrolmentId())));
        item.put(ACCOUNT, fromS(account.id()));
        item.put(FLOW_ID, fromS(account.key(e.flowId())));
        item.put(CONTACT_ID, fromS(account.key(e.contactId())));
        item.put("number", fromN(String.valueOf(e.number())));
        item.put(FLOW_NUMBER, fromS(flowNumberPrefix(e.flowId()) + "%010d".formatted(e.number())));
        item.put("source", fromS(e.source().name()));
        item.put("status", fromS(e.status().name()));
        putIfPresent(item, "currentActionId", e.currentActionId());
        item.put(SEQUENCE, fromN(String.valueOf(e.sequence())));
        item.put("enrolledAt", fromS(e.enrolledAt().toString()));
        putIfPresent(item, DUE_AT, e.dueAt());
        if (e.eventWait() != null) {
            var wait = new HashMap<String, AttributeValue>();
            putIfPresent(wait, "actionId", e.eventWait().actionId());
            putIfPresent(wait, "since", e.eventWait().since());
            putIfPresent(wait, "expiresAt", e.eventWait().expiresAt());
            item.put("eventWait", fromM(wait));
        }
        item.put("outputs", fromM(e.outputs().entrySet().stream().collect(toMap(Map.Entry::getKey,
                output -> fromM(output.getValue().entrySet().stream()
                        .collect(toMap(Map.Entry::getKey, value -> fromS(value.getValue()))))))));
        item.put("sentMarketingEmail", fromBool(e.sentMarketingEmail()));
        item.put("goalConverted", fromBool(e.goalConverted()));
        putIfPresent(item, "endedAt", e.endedAt());
        putIfPresent(item, "unenrolmentReason", e.unenrolmentReason());
        if (e.isActive()) {
            item.put(ACTIVE_CONTACT_ID, fromS(account.key(e.contactId())));
            if (e.dueAt() != null) {
                item.put(DUE_MINUTE, fromS(dueKey(e.dueAt(), Math.floorMod(e.enrolmentId().hashCode(), DUE_SHARDS))));
            }
        }
        return item;
    }

    /** The account an item belongs to. */
    static Account accountOf(Map<String, AttributeValue> item) {
        return new Account(item.get(ACCOUNT).s());
    }

    static Enrolment fromItem(Map<String, AttributeValue> item, Account account) {
        Map<String, AttributeValue> wait = item.containsKey("eventWait") ? item.get("eventWait").m() : null;
        return new Enrolment(
                account.strip(item.get(PK).s()),
                account.strip(item.get(FLOW_ID).s()),
                account.strip(item.get(CONTACT_ID).s()),
                Integer.parseInt(item.get("number").n()),
                EnrolmentSource.valueOf(item.get("source").s()),
                EnrolmentStatus.valueOf(item.get("status").s()),
                string(item, "currentActionId"),
                Long.parseLong(item.get(SEQUENCE).n()),
                Instant.parse(item.get("enrolledAt").s()),
                instant(item, DUE_AT),
                wait == null ? null
                        : new EventWait(string(wait, "actionId"), instant(wait, "since"), instant(wait, "expiresAt")),
                item.get("outputs").m().entrySet().stream().collect(toMap(Map.Entry::getKey,
                        output -> output.getValue().m().entrySet().stream()
                                .collect(toMap(Map.Entry::getKey, value -> value.getValue().s())))),
                item.get("sentMarketingEmail").bool(),
                item.get("goalConverted").bool(),
                instant(item, "endedAt"),
                parse(item, "unenrolmentReason", UnenrolmentReason::valueOf));
    }

    /** The key in the due index of the wake-ups due in {@code minute}'s minute, in one shard. */
    static String dueKey(Instant minute, int shard) {
        return MINUTE.format(minute) + "#" + shard;
    }

    /** Sort keys in the contact index begin with this for every enrolment in the flow. */
    static String flowNumberPrefix(String flowId) {
        return flowId + "#";
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, Object value) {
        if (value != null) {
            item.put(name, fromS(value instanceof Enum<?> e ? e.name() : value.toString()));
        }
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        return parse(item, name, Function.identity());
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        return parse(item, name, Instant::parse);
    }

    private static <T> T parse(Map<String, AttributeValue> item, String name, Function<String, T> parser) {
        AttributeValue value = item.get(name);
        return value == null ? null : parser.apply(value.s());
    }
}
