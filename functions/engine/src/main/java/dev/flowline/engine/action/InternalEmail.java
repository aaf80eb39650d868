package dev.flowline.engine.action;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An internal email notification (action {@code 0-8}), tokens already replaced, to the addresses of its users, teams
 * and owners as the owner directory has them. HubSpot's body is HTML; the email carries it with a plain text
 * alternative ({@link #html}, {@link #text}).
 */
public record InternalEmail(String idempotencyKey, String flowId, String contactId, List<String> to, String subject,
                            String body) {

    private static final Pattern TAG = Pattern.compile("<[A-Za-z/!]");
    private static final Pattern LINE_BREAKS = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|h[1-6]|tr)>");
    private static final Pattern INVISIBLE = Pattern.compile("(?is)<(style|script|head)[^>]*>.*?</\\1\\s*>");

    public InternalEmail {
        to = List.copyOf(to);
    }

    /** The body as HTML: as written when it is HTML, else the text escaped with its line breaks kept. */
    public String html() {
        if (TAG.matcher(body).find()) {
            return body;
        }
        return body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("\r\n", "\n").replace("\n", "<br>\n");
    }

    /** The body as plain text: the HTML's text, with a line break for each paragraph, item or break. */
    public String text() {
        if (!TAG.matcher(body).find()) {
            return body;
        }
        String text = INVISIBLE.matcher(body).replaceAll("");
        text = LINE_BREAKS.matcher(text).replaceAll("\n");
        text = text.replaceAll("<[^>]*>", "")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return text.replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }
}
