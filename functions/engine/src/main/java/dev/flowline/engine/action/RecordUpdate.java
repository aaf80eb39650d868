package dev.flowline.engine.action;

import dev.flowline.engine.crm.ObjectRef;

/** {@code property} of {@code record} (a company, deal…) takes {@code value} ("" clears it), from action {@code 0-5}. */
public record RecordUpdate(String idempotencyKey, ObjectRef record, String property, String value) {
}
