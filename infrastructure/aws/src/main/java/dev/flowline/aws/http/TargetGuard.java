package dev.flowline.aws.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides, before any connection, whether a webhook URL may be called: HTTPS only, to a host whose every address
 * is on the public internet. The local-development hosts may be called over plain http and at any address.
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

    void check(URI uri) throws Refused, UnknownHostException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null) {
            throw new Refused("the URL has no host");
        }
        boolean local = localHosts.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !(scheme.equals("http") && local)) {
            throw new Refused("webhooks are sent over HTTPS only, not " + scheme);
        }
        if (local) {
            return;
        }
        for (InetAddress address : resolver.resolve(uri.getHost())) {
            Optional<String> range = ForbiddenAddresses.rangeOf(address);
            if (range.isPresent()) {
                throw new Refused(uri.getHost() + " resolves to " + address.getHostAddress() + ", a " + range.get()
                        + " address");
            }
        }
    }
}
