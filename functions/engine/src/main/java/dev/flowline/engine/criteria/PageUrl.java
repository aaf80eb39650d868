package dev.flowline.engine.criteria;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** URL comparisons of page-view and link-click filters, without allocating per event. */
final class PageUrl {

    /** Patterns compiled once per distinct regular expression of the loaded definitions. */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private PageUrl() {
    }

    /** Equal URLs, ignoring a trailing slash and the letter case of the scheme and host. */
    static boolean same(String a, String b) {
        int lengthA = withoutTrailingSlash(a);
        int lengthB = withoutTrailingSlash(b);
        if (lengthA != lengthB) {
            return false;
        }
        int hostEnd = hostEnd(a, lengthA);
        return a.regionMatches(true, 0, b, 0, hostEnd)
                && a.regionMatches(false, hostEnd, b, hostEnd, lengthA - hostEnd);
    }

    /** Whether the URL contains the text, ignoring letter case. */
    static boolean contains(String url, String text) {
        int last = url.length() - text.length();
        for (int i = 0; i <= last; i++) {
            if (url.regionMatches(true, i, text, 0, text.length())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the regular expression matches somewhere in the URL. */
    static boolean matches(String url, String regex) {
        return PATTERNS.computeIfAbsent(regex, PageUrl::compile).matcher(url).find();
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new UnsupportedFilterException("page URL pattern " + regex + " is not a valid regular expression");
        }
    }

    private static int withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.length() - 1 : url.length();
    }

    /** The end of "scheme://host" (or of the host alone when there is no scheme). */
    private static int hostEnd(String url, int length) {
        int scheme = url.indexOf("://");
        int hostStart = scheme < 0 ? 0 : scheme + 3;
        for (int i = hostStart; i < length; i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return length;
    }
}
