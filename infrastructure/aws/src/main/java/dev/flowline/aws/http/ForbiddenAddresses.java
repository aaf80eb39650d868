package dev.flowline.aws.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The address ranges a webhook may not reach: anything that is not the public internet, above all the instance
 * metadata service (169.254.169.254, fd00:ec2::254), which would hand out the function's credentials.
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

    private static final List<Range> RANGES = List.of(
            Range.of("0.0.0.0/8", "unspecified"),
            Range.of("127.0.0.0/8", "loopback"),
            Range.of("10.0.0.0/8", "private"),
            Range.of("172.16.0.0/12", "private"),
            Range.of("192.168.0.0/16", "private"),
            Range.of("100.64.0.0/10", "carrier-grade NAT"),
            Range.of("169.254.0.0/16", "link-local (instance metadata)"),
            Range.of("224.0.0.0/4", "multicast"),
            Range.of("255.255.255.255/32", "broadcast"),
            Range.of("::/128", "unspecified"),
            Range.of("::1/128", "loopback"),
            Range.of("fc00::/7", "private (unique local, instance metadata)"),
            Range.of("fe80::/10", "link-local"),
            Range.of("ff00::/8", "multicast"));

    /** IPv6 forms that carry an IPv4 address in their last 32 bits: IPv4-compatible and NAT64. */
    private static final List<Range> EMBEDDING_IPV4 = List.of(
            Range.of("::/96", "IPv4-compatible"),
            Range.of("64:ff9b::/96", "NAT64"));

    private ForbiddenAddresses() {
    }

    /** The name of the forbidden range the address is in, if it is in one. */
    static Optional<String> rangeOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        Optional<String> direct = RANGES.stream().filter(range -> range.contains(bytes)).map(Range::name).findFirst();
        if (direct.isPresent() || !(address instanceof Inet6Address)
                || EMBEDDING_IPV4.stream().noneMatch(range -> range.contains(bytes))) {
            return direct;
        }
        byte[] ipv4 = Arrays.copyOfRange(bytes, 12, 16);
        return RANGES.stream().filter(range -> range.contains(ipv4)).map(Range::name).findFirst();
    }
}
