package dev.flowline.aws.http;

import dev.flowline.aws.AwsClients;
import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.simulation.VirtualClock;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CachedSecretsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Account ACME = new Account("acme");
    private static final Account BETA = new Account("beta");

    private static SecretName acme(String name) {
        return new SecretName(ACME, name);
    }

    @Test
    void theStoreIsReadOncePerSecretWithinTheTimeToLiveAbsentSecretsIncluded() {
        var clock = new VirtualClock(NOW, ZoneOffset.UTC);
        var reads = new AtomicInteger();
        var secrets = new CachedSecrets(name -> {
            reads.incrementAndGet();
            return name.equals(acme("known")) ? Optional.of("value-" + reads.get()) : Optional.empty();
        }, Duration.ofMinutes(5), clock);

        assertThat(secrets.secret(acme("known"))).contains("value-1");
        assertThat(secrets.secret(acme("missing"))).isEmpty();
        clock.moveTo(NOW.plus(Duration.ofMinutes(4)));
        assertThat(secrets.secret(acme("known"))).contains("value-1");
        assertThat(secrets.secret(acme("missing"))).isEmpty();
        assertThat(reads).hasValue(2);

        clock.moveTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(secrets.secret(acme("known"))).contains("value-3");
    }

    @Test
    void aSecretKeptForOneAccountIsNeverTheAnswerForAnothersSameName() {
        var secrets = new CachedSecrets(name -> name.account().equals(ACME) ? Optional.of("acme's") : Optional.empty(),
                Duration.ofMinutes(5), new VirtualClock(NOW, ZoneOffset.UTC));

        assertThat(secrets.secret(acme("crm-key"))).contains("acme's");
        assertThat(secrets.secret(new SecretName(BETA, "crm-key"))).isEmpty();
    }

    @Test
    void theEnvironmentIsTheDefaultSourceAndAnUnknownSourceIsRefused() {
        AwsClients clients = AwsClients.emulatorAt(URI.create("http://127.0.0.1:1"));

        assertThat(SecretSources.configured(Map.of("FLOWLINE_SECRET_ACME__CRM_KEY", "s3cr3t"), clients,
                new VirtualClock(NOW, ZoneOffset.UTC)).secret(acme("crm-key"))).contains("s3cr3t");
        assertThatIllegalArgumentException().isThrownBy(() -> SecretSources.configured(
                Map.of("FLOWLINE_SECRETS_SOURCE", "vault"), clients, new VirtualClock(NOW, ZoneOffset.UTC)));
    }
}
