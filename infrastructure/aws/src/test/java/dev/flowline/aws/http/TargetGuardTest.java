package dev.flowline.aws.http;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetGuardTest {

    private final List<String> asked = new ArrayList<>();

    private TargetGuard.Resolver dns(String... addresses) {
        return host -> {
            asked.add(host);
            var resolved = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                resolved[i] = InetAddress.getByName(addresses[i]);
            }
            return resolved;
        };
    }

    @Test
    void theHostIsResolvedOnceAndTheCallGoesToTheFirstAddressThatWasChecked() throws Exception {
        var guard = new TargetGuard(Set.of(), dns("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"));

        InetSocketAddress target = guard.check(URI.create("https://hooks.example.com/hook"));

        assertThat(target).isEqualTo(new InetSocketAddress(InetAddress.getByName("93.184.215.14"), 443));
        assertThat(asked).containsExactly("hooks.example.com");
    }

    @Test
    void theUrlsPortIsKept() throws Exception {
        var guard = new TargetGuard(Set.of("localhost"), dns("93.184.215.14"));

        assertThat(guard.check(URI.create("https://hooks.example.com:8443/hook")).getPort()).isEqualTo(8443);
        assertThat(guard.check(URI.create("http://localhost/hook")).getPort()).isEqualTo(80);
    }

    @Test
    void aLocalDevelopmentHostIsResolvedByTheSameResolverAndMayBeAtAnyAddress() throws Exception {
        var guard = new TargetGuard(Set.of("hooks.local.test"), dns("192.168.7.7"));

        InetSocketAddress target = guard.check(URI.create("http://hooks.local.test:8080/hook"));

        assertThat(target).isEqualTo(new InetSocketAddress(InetAddress.getByName("192.168.7.7"), 8080));
        assertThat(asked).containsExactly("hooks.local.test");
    }

    @Test
    void aNameThatResolvesToNothingIsAnUnknownHost() {
        var guard = new TargetGuard(Set.of(), dns());

        assertThatThrownBy(() -> guard.check(URI.create("https://hooks.example.com/hook")))
                .isInstanceOf(UnknownHostException.class);
    }

    @Test
    void aRefusalNamesTheRangeWithItsArticle() {
        var guard = new TargetGuard(Set.of(), dns("192.0.0.170"));

        assertThatThrownBy(() -> guard.check(URI.create("https://hooks.example.com/hook")))
                .isInstanceOf(TargetGuard.Refused.class)
                .hasMessage("hooks.example.com resolves to 192.0.0.170, an IETF protocol address");
    }
}
