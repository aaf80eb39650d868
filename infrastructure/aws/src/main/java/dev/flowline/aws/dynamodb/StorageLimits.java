package dev.flowline.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.util.List;
import java.util.Optional;

/**
 * DynamoDB's own limits, met by what a request carries: a key over 2,048 bytes (1,024 for a sort key), an id
 * or email in a body for instance, or an item over 400 KB, such as a contact with many long values. DynamoDB
 * refuses them before writing anything; they are the client's errors, not the server's.
 */
public final class StorageLimits {

    /** How to answer a request that met a limit: an HTTP status, HubSpot's error category and why. */
    public record Refusal(int status, String category, String message) {
    }

    /** The wordings of DynamoDB for an item over its size, written whole (PutItem) or updated (UpdateItem). */
    private static final List<String> ITEM_TOO_LARGE = List.of("Item size has exceeded",
            "Item size to update has exceeded");
    /** The wordings of DynamoDB (real, then Local) for a key value over its size. */
    private static final List<String> KEY_TOO_LONG = List.of("has exceeded the maximum size limit",
            "primary key values must be under", "Size limit exceeded", "Aggregated size of all range keys");

    private StorageLimits() {
    }

    /** The limit {@code e} reports, if it is one of those a request can meet. */
    public static Optional<Refusal> refusal(DynamoDbException e) {
        String message = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorMessage();
        if (e.statusCode() != 400 || message == null) {
            return Optional.empty();
        }
        if (ITEM_TOO_LARGE.stream().anyMatch(message::startsWith)) {
            return Optional.of(new Refusal(413, "PAYLOAD_TOO_LARGE", "the record would be larger than one "
                    + "stored item holds (400 KB, compressed): write fewer or shorter values"));
        }
        if (KEY_TOO_LONG.stream().anyMatch(message::contains)) {
            return Optional.of(new Refusal(400, "VALIDATION_ERROR", "an id or email in the request is too long to "
                    + "look up"));
        }
        return Optional.empty();
    }
}
