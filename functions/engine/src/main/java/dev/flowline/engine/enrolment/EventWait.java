package dev.flowline.engine.enrolment;

import java.time.Instant;

/**
 * An enrolment paused at a "delay until event" action since {@code since}: it resumes on a matching event
 * that happens after that, or at {@code expiresAt}.
 */
public record EventWait(String actionId, Instant since, Instant expiresAt) {
}
