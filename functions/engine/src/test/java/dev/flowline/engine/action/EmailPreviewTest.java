package dev.flowline.engine.action;

import dev.flowline.engine.email.EmailMessage;
import dev.flowline.engine.email.EmailTemplate;
import dev.flowline.engine.simulation.InMemoryContactStore;
import dev.flowline.engine.simulation.InMemoryCrmObjectStore;
import dev.flowline.engine.simulation.InMemoryOwnerDirectory;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.flowline.engine.action.ActionTesting.contact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EmailPreviewTest {

    private final EmailPreview preview = new EmailPreview(new InMemoryOwnerDirectory().withOwners("7"),
            new InMemoryContactStore(), new InMemoryCrmObjectStore());

    private static EmailTemplate template(String html, String text) {
        return new EmailTemplate("welcome", "Welcome {{ contact.firstname }}", html, text, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void fillsTheContactsAndItsOwnersTokensAsTheSentEmailWould() {
        var ada = contact("c", "firstname", "Ada", "hubspot_owner_id", "7");

        assertThat(preview.fill(template("<b>{{ contact.firstname }}</b> {{ owner.email }}", null), ada))
                .isEqualTo(new EmailMessage("Welcome Ada", "<b>Ada</b> 7@example.com", null));
        assertThat(preview.fill(template(null, "Hi {{ contact.lastname }}!"), ada))
                .isEqualTo(new EmailMessage("Welcome Ada", null, "Hi !"));
    }

    @Test
    void aTokenOnlyAFlowCanFillIsNamedInTheError() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> preview.fill(template(null, "{{ fetched_objects.boss.email }}"), contact("c")))
                .withMessage("the token {{ fetched_objects.boss.email }} cannot be filled: fetched objects come "
                        + "from the data sources of the flow that sends it");
    }
}
