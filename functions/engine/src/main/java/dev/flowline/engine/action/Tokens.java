package dev.flowline.engine.action;

import dev.flowline.engine.contact.Contact;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personalisation tokens in text fields: {@code {{ enrolled_object.<property> }}} (spaces optional) becomes
 * the contact's value of that property, or "" when it has none. Other tokens are left as written.
 */
final class Tokens {

    private static final Pattern ENROLLED_OBJECT =
            Pattern.compile("\\{\\{\\s*enrolled_object\\.([A-Za-z0-9_\\-]+)\\s*}}");

    private Tokens() {
    }

    static String replace(String text, Contact contact) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        Matcher tokens = ENROLLED_OBJECT.matcher(text);
        return tokens.replaceAll(token -> Matcher.quoteReplacement(contact.value(token.group(1)).orElse("")));
    }
}
