package dev.flowline.engine.contact;

import java.util.Locale;

/** How a refusal names a character: printable ASCII as itself, in quotes; anything else by its code point. */
final class Characters {

    private Characters() {
    }

    static String describe(int codePoint) {
        return codePoint > ' ' && codePoint <= '~' ? "\"" + (char) codePoint + "\""
                : String.format(Locale.ROOT, "U+%04X", codePoint);
    }
}
