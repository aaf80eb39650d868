package dev.flowline.local;

import dev.flowline.aws.dynamodb.FlowlineTables;
import dev.flowline.aws.scheduler.WakeUpScheduler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The local wake-ups keep their schedule in memory, as EventBridge Scheduler keeps its schedules outside the
 * tables; when the runtime starts again on kept data, the waits are found where the delay waker finds them, in the
 * enrolments table's {@code due} index, and each one's instant is asked for again. A wait whose time passed while
 * the runtime was stopped is woken at once; the step runner's sequence check makes a wake-up that finds nothing to
 * do harmless.
 */
final class DueWaits {

    /** The index's key: the due minute, then {@code #} and a shard. */
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

    private DueWaits() {
    }

    /** Asks {@code wakeUps} for every wait in {@code enrolmentsTable}'s due index; how many waits there were. */
    static int resume(DynamoDbClient dynamo, String enrolmentsTable, WakeUpScheduler wakeUps) {
        int waits = 0;
        for (Map<String, AttributeValue> item : dynamo.scanPaginator(scan -> scan.tableName(enrolmentsTable)
                .indexName(FlowlineTables.ENROLMENTS_DUE_INDEX)
                .projectionExpression("#at, #minute")
                .expressionAttributeNames(Map.of("#at", "dueAt", "#minute", "dueMinute"))).items()) {
            Instant due = dueOf(item);
            if (due != null) {
                wakeUps.wakeUpAt(due);
                waits++;
            }
        }
        return waits;
    }

    /** The wait's instant, or the start of its minute when only the index key says when. */
    private static Instant dueOf(Map<String, AttributeValue> item) {
        try {
            if (item.containsKey("dueAt") && item.get("dueAt").s() != null) {
                return Instant.parse(item.get("dueAt").s());
            }
            String key = item.containsKey("dueMinute") ? item.get("dueMinute").s() : null;
            if (key == null) {
                return null;
            }
            int shard = key.indexOf('#');
            return MINUTE.parse(shard < 0 ? key : key.substring(0, shard), Instant::from);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
