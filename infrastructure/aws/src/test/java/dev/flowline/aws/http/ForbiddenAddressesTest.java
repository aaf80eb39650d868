package dev.flowline.aws.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Inet6Address;
import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** Every entry of IANA's special-purpose registries that is not globally reachable, at its edges. */
class ForbiddenAddressesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0.255.255.255       | unspecified
            10.255.255.255      | private
            100.64.0.0          | carrier-grade NAT
            127.0.0.1           | loopback
            169.254.169.254     | link-local (instance metadata)
            172.31.255.255      | private
            192.0.0.0           | IETF protocol
            192.0.0.170         | IETF protocol
            192.0.0.255         | IETF protocol
            192.0.2.0           | documentation (TEST-NET-1)
            192.0.2.255         | documentation (TEST-NET-1)
            192.88.99.1         | 6to4 relay anycast
            192.168.0.1         | private
            198.18.0.0          | benchmarking
            198.19.255.255      | benchmarking
            198.51.100.7        | documentation (TEST-NET-2)
            203.0.113.9         | documentation (TEST-NET-3)
            224.0.0.251         | multicast
            239.255.255.250     | multicast
            240.0.0.1           | reserved
            254.255.255.255     | reserved
            255.255.255.255     | broadcast
            ::                  | unspecified
            ::1                 | loopback
            ::a9fe:a9fe         | IPv4-compatible (deprecated)
            64:ff9b:1::a00:1    | local-use NAT64
            64:ff9b:1:ffff::1   | local-use NAT64
            100::1              | discard-only
            100::ffff:ffff:ffff:ffff | discard-only
            2001::5efe:c000:201 | Teredo
            2001:0:4136:e378:8000:63bf:3fff:fdd2 | Teredo
            2001:2::1           | IETF protocol
            2001:1ff:ffff::1    | IETF protocol
            2001:db8::1         | documentation
            2001:db8:ffff::1    | documentation
            3fff::1             | documentation
            3fff:fff:ffff::1    | documentation
            5f00::1             | segment routing (SRv6)
            fc00::1             | private (unique local, instance metadata)
            fd00:ec2::254       | private (unique local, instance metadata)
            fe80::1             | link-local
            febf:ffff::1        | link-local
            fec0::1             | site-local (deprecated)
            ff02::1             | multicast
            ::2:0:0:1           | non-global (outside 2000::/3)
            1fff::1             | non-global (outside 2000::/3)
            4000::1             | non-global (outside 2000::/3)
            8000::1             | non-global (outside 2000::/3)
            64:ff9b::a00:1      | private IPv4 in a NAT64
            64:ff9b::a9fe:a9fe  | link-local (instance metadata) IPv4 in a NAT64
            2002:a00:1::1       | private IPv4 in a 6to4
            2002:a9fe:a9fe::1   | link-local (instance metadata) IPv4 in a 6to4
            2002:7f00:1::       | loopback IPv4 in a 6to4
            2002:c000:201::1    | documentation (TEST-NET-1) IPv4 in a 6to4
            """)
    void specialPurposeAddressesAreForbidden(String address, String range) throws Exception {
        assertThat(ForbiddenAddresses.rangeOf(InetAddress.getByName(address))).contains(range);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1.1", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0",
            "126.255.255.255", "128.0.0.0", "169.253.255.255", "169.255.0.0", "172.15.255.255", "172.32.0.0",
            "192.0.1.255", "192.0.3.0", "192.31.196.1", "192.52.193.1", "192.88.98.255", "192.88.100.0",
            "192.167.255.255", "192.169.0.0", "192.175.48.1", "198.17.255.255", "198.20.0.0", "198.51.99.255",
            "198.51.101.0", "203.0.112.255", "203.0.114.0", "223.255.255.255",
            "2000::1", "2001:200::1", "2001:4860:4860::8888", "2001:db7:ffff::1", "2001:db9::1", "2003::1",
            "2620:4f:8000::1", "2a00:1450:4001:81b::200e", "3ffe:ffff::1", "3fff:1000::1",
            "64:ff9b::5db8:d70e", "64:ff9b::808:808", "2002:5db8:d70e::1", "2002:808:808::1"})
    void publicAddressesAndThoseCarryingOneAreNotForbidden(String address) throws Exception {
        assertThat(ForbiddenAddresses.rangeOf(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void anIpv4MappedAddressKeptAsIpv6IsJudgedByItsIpv4() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 169, (byte) 254, (byte) 169,
                (byte) 254};
        byte[] mappedPublic = mapped.clone();
        mappedPublic[12] = 8;
        mappedPublic[13] = 8;
        mappedPublic[14] = 8;
        mappedPublic[15] = 8;

        assertThat(ForbiddenAddresses.rangeOf(Inet6Address.getByAddress(null, mapped, -1)))
                .contains("link-local (instance metadata) IPv4 in an IPv4-mapped");
        assertThat(ForbiddenAddresses.rangeOf(Inet6Address.getByAddress(null, mappedPublic, -1))).isEmpty();
    }
}
