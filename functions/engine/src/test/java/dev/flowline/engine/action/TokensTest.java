package dev.flowline.engine.action;

import org.junit.jupiter.api.Test;

import static dev.flowline.engine.action.ActionTesting.contact;
import static org.assertj.core.api.Assertions.assertThat;

class TokensTest {

    private final dev.flowline.engine.contact.Contact ada = contact("c", "firstname", "Ada", "city", "Paris");

    @Test
    void enrolledObjectTokensAreReplacedWithOrWithoutSpaces() {
        assertThat(Tokens.replace("Hi {{ enrolled_object.firstname }} of {{enrolled_object.city}}", ada))
                .isEqualTo("Hi Ada of Paris");
    }

    @Test
    void aPropertyWithoutValueBecomesEmpty() {
        assertThat(Tokens.replace("Hi {{ enrolled_object.lastname }}!", ada)).isEqualTo("Hi !");
    }

    @Test
    void otherTokensAreLeftAsWritten() {
        assertThat(Tokens.replace("{{ fetched_objects.deal.amount }}", ada)).isEqualTo("{{ fetched_objects.deal.amount }}");
    }

    @Test
    void valuesWithReplacementCharactersAreInsertedLiterally() {
        var contact = contact("c", "note", "costs $1 \\ each");
        assertThat(Tokens.replace("{{ enrolled_object.note }}", contact)).isEqualTo("costs $1 \\ each");
    }
}
