package dev.flowline.engine.contact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PropertyNameTest {

    @Test
    void anEmptyPropertyNameIsRefused() {
        assertThat(PropertyName.problem("")).contains("a property name cannot be empty");
        assertThat(PropertyName.problem(null)).contains("a property name cannot be empty");
    }

    @Test
    void aNulPropertyNameIsRefused() {
        assertThat(PropertyName.problem("\u0000"))
                .contains("a property name must start with a lower-case letter (a-z), not U+0000");
        assertThat(PropertyName.problem("email\u0000"))
                .contains("a property name can hold only lower-case letters, digits and underscores: character 6 "
                        + "is U+0000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "hs_object_id", "lifecyclestage", "hs_v2_date_entered_customer", "x",
            "plan_2026"})
    void hubSpotsInternalNamesPass(String name) {
        assertThat(PropertyName.problem(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Email", "firstName", "_private", "2fa_enabled", "first name", "first-name", "a/b~c",
            "email\r\nx", "prénom", "e.mail"})
    void namesHubSpotWouldNotCreateAreRefused(String name) {
        assertThat(PropertyName.problem(name)).isPresent();
    }

    @Test
    void aNameHoldsAtMost100Characters() {
        assertThat(PropertyName.problem("a".repeat(100))).isEmpty();
        assertThat(PropertyName.problem("a".repeat(101)))
                .contains("a property name can have at most 100 characters; this one has 101");
    }
}
