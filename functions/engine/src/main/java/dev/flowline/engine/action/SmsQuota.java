package dev.flowline.engine.action;

import java.time.YearMonth;

/** Counts the account's SMS per calendar month (a DynamoDB counter in production). */
@FunctionalInterface
public interface SmsQuota {

    /**
     * Counts one SMS in {@code month} if fewer than {@code limit} were counted, and says whether it did. A key
     * counted before is counted once: asking again answers yes and counts nothing. A refusal is not remembered, so
     * the same key may be counted in a later month.
     */
    boolean reserve(YearMonth month, int limit, String idempotencyKey);
}
