package dev.flowline.aws.http;

import dev.flowline.aws.accounts.Account;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EnvironmentSecretsTest {

    private static final Account ACME = new Account("acme");

    @Test
    void secretsAreReadFromEnvironmentVariablesNamingTheAccountAndTheSecret() {
        var secrets = new EnvironmentSecrets(Map.of("FLOWLINE_SECRET_ACME__CRM_API_KEY", "v",
                "FLOWLINE_SECRET_MY_SHOP__CRM_API_KEY", "w", "FLOWLINE_SECRET_ACME__EMPTY", ""));

        assertThat(secrets.secret(new SecretName(ACME, "crm-api.key"))).contains("v");
        assertThat(secrets.secret(new SecretName(new Account("my-shop"), "crm-api.key"))).contains("w");
        assertThat(secrets.secret(new SecretName(ACME, "empty"))).isEmpty();
        assertThat(secrets.secret(new SecretName(ACME, "missing"))).isEmpty();
    }

    @Test
    void accountBCannotReadAccountAsSecretFromTheEnvironment() {
        var secrets = new EnvironmentSecrets(Map.of("FLOWLINE_SECRET_ACME__CRM_KEY", "acme's",
                "FLOWLINE_SECRET_CRM_KEY", "no account's"));

        assertThat(secrets.secret(new SecretName(new Account("beta"), "crm-key"))).isEmpty();
        // the variable of a name without account, as before secrets were per account, is nobody's
        assertThat(secrets.secret(new SecretName(new Account("crm"), "key"))).isEmpty();
    }

    @Test
    void anAccountWhoseVariableCouldBeAnothersHasNoEnvironmentSecrets() {
        // a--b's c and a's b..c would both be FLOWLINE_SECRET_A__B__C
        var secrets = new EnvironmentSecrets(Map.of("FLOWLINE_SECRET_A__B__C", "a's"));

        assertThat(secrets.secret(new SecretName(new Account("a"), "b..c"))).contains("a's");
        assertThat(secrets.secret(new SecretName(new Account("a--b"), "c"))).isEmpty();
        assertThat(EnvironmentSecrets.variable(new SecretName(new Account("a-"), "b"))).isEmpty();
    }

    @Test
    void aSecretNameIsAPlainNameNeverAPath() {
        for (String name : new String[]{"../acme/webhooks/key", "acme/webhooks/key", "", "key\u0000", "key:1",
                "a".repeat(129)}) {
            assertThatIllegalArgumentException().as(name).isThrownBy(() -> new SecretName(ACME, name));
        }
        assertThat(new SecretName(ACME, "crm-api.key_2").under("flowline/"))
                .isEqualTo("flowline/acme/webhooks/crm-api.key_2");
    }
}
