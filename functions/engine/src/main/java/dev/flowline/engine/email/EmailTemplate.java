package dev.flowline.engine.email;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The content of an account's marketing email: what action {@code 0-4} sends for its {@code content_id}. The
 * subject and bodies may hold personalisation tokens ({@code {{ contact.firstname }}}), filled for each contact
 * when the email is sent.
 *
 * @param html the HTML body; null when the email is text only
 * @param text the plain text body; null when the email is HTML only
 */
public record EmailTemplate(String contentId, String subject, String html, String text, Instant createdAt,
                            Instant updatedAt) {

    /** What a content id may be: HubSpot's are numbers; names are allowed too. */
    public static final Pattern CONTENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    /** Subject and bodies together, in UTF-8: what one stored item holds with room to spare. */
    public static final int MAX_BYTES = 300_000;

    /** A field of a template that cannot be stored, and why. */
    public record Problem(String field, String message) {
    }

    /** Why this template cannot be stored, by field; empty when it can. */
    public List<Problem> problems() {
        var problems = new ArrayList<Problem>();
        if (contentId == null || !CONTENT_ID.matcher(contentId).matches()) {
            problems.add(new Problem("contentId", "a content id is 1 to 100 letters, digits, '-' or '_'"));
        }
        if (isBlank(subject)) {
            problems.add(new Problem("subject", "subject is required"));
        }
        if (isBlank(html) && isBlank(text)) {
            problems.add(new Problem("html", "an email needs an html or a text body, or both"));
        }
        if (bytes(subject) + bytes(html) + bytes(text) > MAX_BYTES) {
            problems.add(new Problem("html", "subject and bodies together are over " + MAX_BYTES + " bytes"));
        }
        return problems;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static int bytes(String value) {
        return value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
    }
}
