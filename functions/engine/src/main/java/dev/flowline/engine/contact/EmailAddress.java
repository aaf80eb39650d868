package dev.flowline.engine.contact;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The email addresses Flowline accepts, on every path that takes one (contact writes, lookups, flow definitions,
 * actions, sending): RFC 5322's addr-spec as mail systems accept it. The part before the {@code @} is a dot-atom
 * (no quoted strings), the domain has at least two DNS labels ({@code example.com}, an internationalised one in
 * punycode) or is an address literal ({@code [192.0.2.1]}, {@code [IPv6:2001:db8::1]}), all in ASCII, with no
 * control character and no whitespace, at most 64 characters before the {@code @} and 254 in all (RFC 5321).
 * So no accepted address can end a mail header line or add a recipient.
 */
public final class EmailAddress {

    /** The longest address a mail path carries (RFC 5321 4.5.3.1.3, less its angle brackets). */
    public static final int MAX_LENGTH = 254;
    /** The longest part before the {@code @} (RFC 5321 4.5.3.1.1). */
    public static final int MAX_LOCAL_LENGTH = 64;

    /** RFC 5322's atext besides letters and digits. */
    private static final String ATEXT_SYMBOLS = "!#$%&'*+/=?^_`{|}~-";
    /** The longest DNS label (RFC 1035). */
    private static final int MAX_LABEL_LENGTH = 63;
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    private static final String IPV6_TAG = "IPv6:";
    private static final int IPV6_GROUPS = 8;

    private EmailAddress() {
    }

    public static boolean isValid(String address) {
        return problem(address).isEmpty();
    }

    /** Why {@code address} is not an email address Flowline accepts, in words for its user; empty when it is one. */
    public static Optional<String> problem(String address) {
        if (address == null || address.isEmpty()) {
            return Optional.of("an email address cannot be empty");
        }
        if (address.length() > MAX_LENGTH) {
            return Optional.of("an email address can have at most " + MAX_LENGTH + " characters; this one has "
                    + address.length());
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return Optional.of("an email address cannot hold control characters or whitespace: character "
                        + (i + 1) + " is " + Characters.describe(address.codePointAt(i)));
            }
            if (c > '~') {
                return Optional.of("an email address must be ASCII (write an internationalised domain in punycode, "
                        + "xn--…): character " + (i + 1) + " is " + Characters.describe(address.codePointAt(i)));
            }
        }
        int at = address.indexOf('@');
        if (at < 0 || address.indexOf('@', at + 1) >= 0) {
            return Optional.of("an email address has exactly one @, between the mailbox and the domain");
        }
        return local(address.substring(0, at)).or(() -> domain(address.substring(at + 1)));
    }

    private static Optional<String> local(String local) {
        if (local.length() > MAX_LOCAL_LENGTH) {
            return Optional.of("the part of an email address before the @ can have at most " + MAX_LOCAL_LENGTH
                    + " characters; this one has " + local.length());
        }
        if (!isDotAtom(local)) {
            return Optional.of("the part of an email address before the @ must be letters, digits and "
                    + "!#$%&'*+-/=?^_`{|}~, with single dots between them (not first or last)");
        }
        return Optional.empty();
    }

    private static Optional<String> domain(String domain) {
        if (domain.startsWith("[") && domain.endsWith("]")) {
            String literal = domain.substring(1, domain.length() - 1);
            boolean ipv6 = literal.regionMatches(true, 0, IPV6_TAG, 0, IPV6_TAG.length());
            return (ipv6 ? isIpv6(literal.substring(IPV6_TAG.length())) : isIpv4(literal)) ? Optional.empty()
                    : Optional.of("the domain of an email address in brackets must be an IPv4 address, like "
                    + "[192.0.2.1], or an IPv6 one, like [IPv6:2001:db8::1]");
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.of("the domain of an email address needs at least two parts, like example.com");
        }
        for (String label : labels) {
            if (!isLabel(label)) {
                return Optional.of("each part of an email address's domain must be 1 to 63 letters, digits or "
                        + "hyphens, not starting or ending with a hyphen, with single dots between parts");
            }
        }
        if (labels[labels.length - 1].chars().allMatch(EmailAddress::isDigit)) {
            return Optional.of("the last part of an email address's domain cannot be only digits (an IP address "
                    + "goes in brackets, like [192.0.2.1])");
        }
        return Optional.empty();
    }

    /** RFC 5322's dot-atom: atext runs joined by single dots. A loop, as are the label checks: every email checks. */
    private static boolean isDotAtom(String text) {
        boolean afterDot = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (afterDot) {
                    return false;
                }
                afterDot = true;
            } else if (isLetterOrDigit(c) || ATEXT_SYMBOLS.indexOf(c) >= 0) {
                afterDot = false;
            } else {
                return false;
            }
        }
        return !afterDot;
    }

    /** A DNS label (RFC 1035, RFC 5890 for xn-- labels): 1 to 63 letters, digits and inner hyphens. */
    private static boolean isLabel(String text) {
        if (text.isEmpty() || text.length() > MAX_LABEL_LENGTH
                || !isLetterOrDigit(text.charAt(0)) || !isLetterOrDigit(text.charAt(text.length() - 1))) {
            return false;
        }
        for (int i = 1; i < text.length() - 1; i++) {
            if (!isLetterOrDigit(text.charAt(i)) && text.charAt(i) != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIpv4(String text) {
        var m = IPV4.matcher(text);
        if (!m.matches()) {
            return false;
        }
        for (int group = 1; group <= 4; group++) {
            if (Integer.parseInt(m.group(group)) > 255) {
                return false;
            }
        }
        return true;
    }

    /** RFC 4291's text form: eight hex groups, or fewer around one {@code ::}, the last two maybe as IPv4. */
    private static boolean isIpv6(String text) {
        String[] halves = text.split("::", -1);
        if (halves.length > 2) {
            return false;
        }
        int groups = 0;
        for (int h = 0; h < halves.length; h++) {
            if (halves[h].isEmpty()) {
                continue;
            }
            String[] parts = halves[h].split(":", -1);
            for (int p = 0; p < parts.length; p++) {
                boolean last = h == halves.length - 1 && p == parts.length - 1;
                if (last && parts[p].contains(".") && isIpv4(parts[p])) {
                    groups += 2;
                } else if (HEX_GROUP.matcher(parts[p]).matches()) {
                    groups++;
                } else {
                    return false;
                }
            }
        }
        return halves.length == 2 ? groups < IPV6_GROUPS : groups == IPV6_GROUPS;
    }
}
