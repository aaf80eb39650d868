package dev.flowline.aws.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The address ranges a webhook may not reach: anything that is not the public internet, above all the instance
 * metadata service (169.254.169.254, fd00:ec2::254), which would hand out the function's credentials. That is every
 * entry of IANA's IPv4 and IPv6 Special-Purpose Address Registries that is not globally reachable, multicast, and in
 * IPv6 everything outside global unicast (2000::/3). An IPv6 address that carries an IPv4 address (IPv4-mapped, NAT64,
 * 6to4) is judged by the IPv4 address it carries, since that is where a translator or relay would send the call.
 */
final class ForbiddenAddresses {

    private record Range(byte[] prefix, int bits, String name) {

        static Range of(String cidr, String name) {
            String[] parts = cidr.split("/");
            try {
                return new Range(InetAddress.getByName(parts[0]).getAddress(), Integer.parseInt(parts[1]), name);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** IPv6 addresses that carry an IPv4 address in the four bytes from {@code offset}. */
    private record Embedding(Range range, int offset) {

        byte[] ipv4(byte[] address) {
            return Arrays.copyOfRange(address, offset, offset + 4);
        }
    }

    /** Most specific first, so that the name given is the narrowest range. */
    private static final List<Range> IPV4 = List.of(
            Range.of("0.0.0.0/8", "unspecified"),
            Range.of("10.0.0.0/8", "private"),
            Range.of("100.64.0.0/10", "carrier-grade NAT"),
            Range.of("127.0.0.0/8", "loopback"),
            Range.of("169.254.0.0/16", "link-local (instance metadata)"),
            Range.of("172.16.0.0/12", "private"),
            Range.of("192.0.0.0/24", "IETF protocol"),
            Range.of("192.0.2.0/24", "documentation (TEST-NET-1)"),
            Range.of("192.88.99.0/24", "6to4 relay anycast"),
            Range.of("192.168.0.0/16", "private"),
            Range.of("198.18.0.0/15", "benchmarking"),
            Range.of("198.51.100.0/24", "documentation (TEST-NET-2)"),
            Range.of("203.0.113.0/24", "documentation (TEST-NET-3)"),
            Range.of("224.0.0.0/4", "multicast"),
            Range.of("255.255.255.255/32", "broadcast"),
            Range.of("240.0.0.0/4", "reserved"));

    /** The JDK turns ::ffff:a.b.c.d into an IPv4 address, so the IPv4-mapped prefix is written out. */
    private static final List<Embedding> EMBEDDINGS = List.of(
            new Embedding(new Range(new byte[]{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0},
                    96, "an IPv4-mapped"), 12),
            new Embedding(Range.of("64:ff9b::/96", "a NAT64"), 12),
            new Embedding(Range.of("2002::/16", "a 6to4"), 2));

    /** Most specific first; the last three are everything outside global unicast. */
    private static final List<Range> IPV6 = List.of(
            Range.of("::/128", "unspecified"),
            Range.of("::1/128", "loopback"),
            Range.of("::/96", "IPv4-compatible (deprecated)"),
            Range.of("64:ff9b:1::/48", "local-use NAT64"),
            Range.of("100::/64", "discard-only"),
            Range.of("2001::/32", "Teredo"),
            Range.of("2001::/23", "IETF protocol"),
            Range.of("2001:db8::/32", "documentation"),
            Range.of("3fff::/20", "documentation"),
            Range.of("5f00::/16", "segment routing (SRv6)"),
            Range.of("fc00::/7", "private (unique local, instance metadata)"),
            Range.of("fe80::/10", "link-local"),
            Range.of("fec0::/10", "site-local (deprecated)"),
            Range.of("ff00::/8", "multicast"),
            Range.of("::/3", "non-global (outside 2000::/3)"),
            Range.of("4000::/2", "non-global (outside 2000::/3)"),
            Range.of("8000::/1", "non-global (outside 2000::/3)"));

    private ForbiddenAddresses() {
    }

    /** The name of the forbidden range the address is in, if it is in one: "private", "private IPv4 in a 6to4". */
    static Optional<String> rangeOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return firstContaining(IPV4, bytes);
        }
        for (Embedding embedding : EMBEDDINGS) {
            if (embedding.range().contains(bytes)) {
                return firstContaining(IPV4, embedding.ipv4(bytes))
                        .map(range -> range + " IPv4 in " + embedding.range().name());
            }
        }
        return firstContaining(IPV6, bytes);
    }

    private static Optional<String> firstContaining(List<Range> ranges, byte[] address) {
        return ranges.stream().filter(range -> range.contains(address)).map(Range::name).findFirst();
    }
}
