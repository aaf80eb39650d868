package dev.flowline.aws.hubspot;

import dev.flowline.aws.accounts.Account;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportCommandTest {

    @Test
    void readsEveryOptionAndDefaultsToHubSpotsApi() {
        assertThat(ImportCommand.Arguments.parse(List.of("import", "--from-hubspot", "--token", "pat-na1-x")))
                .isEqualTo(new ImportCommand.Arguments("pat-na1-x", ImportCommand.HUBSPOT, Optional.empty(), false));
        assertThat(ImportCommand.Arguments.parse(List.of("import", "--from-hubspot", "--token", "t", "--base-url",
                "http://localhost:3000", "--account", "acme", "--contacts")))
                .isEqualTo(new ImportCommand.Arguments("t", URI.create("http://localhost:3000"),
                        Optional.of(new Account("acme")), true));
    }

    @Test
    void refusesAMissingTokenAValuelessOptionAndAnUnknownOne() {
        assertThatThrownBy(() -> ImportCommand.Arguments.parse(List.of("import", "--from-hubspot")))
                .hasMessage("--token is required");
        assertThatThrownBy(() -> ImportCommand.Arguments.parse(List.of("import", "--from-hubspot", "--token")))
                .hasMessage("--token needs a value");
        assertThatThrownBy(() -> ImportCommand.Arguments.parse(List.of("import", "--from-hubspot", "--token", "t",
                "--everything"))).hasMessage("unknown option --everything");
        assertThatThrownBy(() -> ImportCommand.Arguments.parse(List.of("import", "--token", "t")))
                .hasMessage("the command is import --from-hubspot");
    }
}
