package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.StandardEvents;

/**
 * The operators of an {@code EMAIL_EVENT} filter: the email event that must have happened and, for the
 * "but not" operators, the one that must not have happened in the same window.
 */
enum EmailActivity {
    BOUNCED(StandardEvents.EMAIL_BOUNCE, null),
    LINK_CLICKED(StandardEvents.EMAIL_CLICK, null),
    MARKED_SPAM(StandardEvents.EMAIL_SPAM, null),
    OPENED(StandardEvents.EMAIL_OPEN, null),
    OPENED_BUT_LINK_NOT_CLICKED(StandardEvents.EMAIL_OPEN, StandardEvents.EMAIL_CLICK),
    OPENED_BUT_NOT_REPLIED(StandardEvents.EMAIL_OPEN, StandardEvents.EMAIL_REPLY),
    RECEIVED(StandardEvents.EMAIL_DELIVERED, null),
    RECEIVED_BUT_NOT_OPENED(StandardEvents.EMAIL_DELIVERED, StandardEvents.EMAIL_OPEN),
    REPLIED(StandardEvents.EMAIL_REPLY, null),
    SENT(StandardEvents.EMAIL_SENT, null),
    SENT_BUT_LINK_NOT_CLICKED(StandardEvents.EMAIL_SENT, StandardEvents.EMAIL_CLICK),
    SENT_BUT_NOT_RECEIVED(StandardEvents.EMAIL_SENT, StandardEvents.EMAIL_DELIVERED),
    UNSUBSCRIBED(StandardEvents.EMAIL_UNSUBSCRIBE, null);

    final String happened;
    /** The event that spoils the match, or null. */
    final String notHappened;

    EmailActivity(String happened, String notHappened) {
        this.happened = happened;
        this.notHappened = notHappened;
    }

    static EmailActivity of(String operator) {
        try {
            return valueOf(String.valueOf(operator));
        } catch (IllegalArgumentException unknown) {
            throw new UnsupportedFilterException("EMAIL_EVENT operator " + operator + " is not supported");
        }
    }
}
