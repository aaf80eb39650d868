package dev.flowline.engine.enrolment;

import java.time.Instant;

/** An enrolment paused at a "delay until event" action: it resumes on the event, or at {@code expiresAt}. */
public record EventWait(String actionId, Instant expiresAt) {
}
