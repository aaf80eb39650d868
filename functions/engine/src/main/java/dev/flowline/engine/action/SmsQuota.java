package dev.flowline.engine.action;

import java.time.YearMonth;

/** Counts the account's SMS per calendar month (a DynamoDB counter in production). */
@FunctionalInterface
public interface SmsQuota {

    /**
     * Counts one SMS in {@code month} if fewer than {@code limit} were counted, and says whether it did. The
     * same idempotency key is counted once: asking again gives the same answer.
     */
    boolean reserve(YearMonth month, int limit, String idempotencyKey);
}
