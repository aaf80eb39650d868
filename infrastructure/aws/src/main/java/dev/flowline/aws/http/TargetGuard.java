package dev.flowline.aws.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides, before any connection, whether a webhook URL may be called: HTTPS only, to a host whose every address
 * is on the public internet. The local-development hosts may be called over plain http and at any address.
 * <p>
 * The host is resolved once, here, and the call connects to the address this returns: a DNS answer that changes
 * after the check (DNS rebinding) cannot move the call to an address that was not checked.
 */
final class TargetGuard {

    /** Resolves a host to all its addresses, as DNS gives them. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private final Set<String> localHosts;
    private final Resolver resolver;

    TargetGuard(Set<String> localHosts, Resolver resolver) {
        this.localHosts = localHosts.stream().map(host -> host.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.resolver = resolver;
    }

    /** The address to connect to: the first the host resolves to, once all of them passed. */
    InetSocketAddress check(URI uri) throws Refused, UnknownHostException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null) {
            throw new Refused("the URL has no host");
        }
        boolean local = localHosts.contains(uri.getHost().toLowerCase(Locale.ROOT));
        boolean secure = scheme.equals("https");
        if (!secure && !(scheme.equals("http") && local)) {
            throw new Refused("webhooks are sent over HTTPS only, not " + scheme);
        }
        InetAddress[] addresses = resolver.resolve(uri.getHost());
        if (addresses.length == 0) {
            throw new UnknownHostException(uri.getHost());
        }
        for (InetAddress address : addresses) {
            Optional<String> range = local ? Optional.empty() : ForbiddenAddresses.rangeOf(address);
            if (range.isPresent()) {
                throw new Refused(uri.getHost() + " resolves to " + address.getHostAddress() + ", "
                        + withArticle(range.get()) + " address");
            }
        }
        return new InetSocketAddress(addresses[0], uri.getPort() != -1 ? uri.getPort() : secure ? 443 : 80);
    }

    private static String withArticle(String range) {
        return ("aeiouAEIOU".indexOf(range.charAt(0)) >= 0 ? "an " : "a ") + range;
    }
}
