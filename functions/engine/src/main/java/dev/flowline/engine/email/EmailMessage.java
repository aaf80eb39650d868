package dev.flowline.engine.email;

/**
 * A marketing email filled in for one contact: its template with every token replaced by the contact's values.
 *
 * @param html null when the template has no HTML body
 * @param text null when the template has no text body
 */
public record EmailMessage(String subject, String html, String text) {
}
