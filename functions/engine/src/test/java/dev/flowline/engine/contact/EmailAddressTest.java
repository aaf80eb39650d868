package dev.flowline.engine.contact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressTest {

    @Test
    void anEmailWithCrlfIsRefusedSoNoHeaderCanBeInjected() {
        assertThat(EmailAddress.problem("ada@example.com\r\nBcc: eve@example.com"))
                .contains("an email address cannot hold control characters or whitespace: character 16 is U+000D");
        assertThat(EmailAddress.isValid("ada@example.com\nBcc: eve@example.com")).isFalse();
    }

    @Test
    void anEmailWithNulIsRefused() {
        assertThat(EmailAddress.problem("ada\u0000@example.com"))
                .contains("an email address cannot hold control characters or whitespace: character 4 is U+0000");
    }

    @Test
    void notAnEmailIsRefused() {
        assertThat(EmailAddress.problem("not-an-email"))
                .contains("an email address has exactly one @, between the mailbox and the domain");
    }

    @Test
    void anEmptyEmailIsRefused() {
        assertThat(EmailAddress.problem("")).contains("an email address cannot be empty");
        assertThat(EmailAddress.problem(null)).contains("an email address cannot be empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ada+newsletter@example.com",
            "first.last@mail.eu.example.co.uk",
            "ada@xn--bcher-kva.example",
            "o'brien@example.ie",
            "ADA@EXAMPLE.COM",
            "a!#$%&'*+/=?^_`{|}~-@example.com",
            "ada@123.example",
            "ada@a-b.example",
            "ada@[192.0.2.1]",
            "ada@[IPv6:2001:db8::1]",
            "ada@[ipv6:2001:db8:0:0:0:0:0:1]",
            "ada@[IPv6:::ffff:192.0.2.1]",
            "ada@[IPv6:::]",
            "ada@az.AZ.a09z.Z90A.example"})
    void addressesMailSystemsAcceptPass(String address) {
        assertThat(EmailAddress.problem(address)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            " ada@example.com",
            "ada @example.com",
            "ada@example.com\t",
            "ada@example.com\u00a0",
            "ada@example.com\u2028x",
            "ada\u007f@example.com",
            "ada@example.com,eve@example.com",
            "Ada <ada@example.com>",
            "<ada@example.com>",
            "ada@@example.com",
            "a@b@example.com",
            "@example.com",
            "ada@",
            "ada@example",
            ".ada@example.com",
            "ada.@example.com",
            "ad..a@example.com",
            "\"ada lovelace\"@example.com",
            "\"ada\"@example.com",
            "ada@-example.com",
            "ada@example-.com",
            "ada@exa_mple.com",
            "ada@exam`ple.com",
            "ada@exam{ple.com",
            "ada@exam/ple.com",
            "ada@exam:ple.com",
            "ada@exam[ple.com",
            "ada@example..com",
            "ada@example.com.",
            "ada@.example.com",
            "ada@192.0.2.1",
            "ada@[300.0.2.1]",
            "ada@[192.0.2]",
            "ada@[2001:db8::1]",
            "ada@[IPv6:2001:db8::1::2]",
            "ada@[IPv6:1:2:3:4:5:6:7:8:9]",
            "ada@[IPv6:1:2:3:4:5:6:7]",
            "ada@[IPv6:192.0.2.1::]",
            "ada@[IPv6:12345::]",
            "adä@example.com",
            "ada@exämple.com"})
    void addressesNoMailSystemShouldCarryAreRefused(String address) {
        assertThat(EmailAddress.problem(address)).isPresent();
    }

    @Test
    void thePartBeforeTheAtHoldsAtMost64Characters() {
        assertThat(EmailAddress.problem("a".repeat(64) + "@example.com")).isEmpty();
        assertThat(EmailAddress.problem("a".repeat(65) + "@example.com")).contains(
                "the part of an email address before the @ can have at most 64 characters; this one has 65");
    }

    @Test
    void aPartOfTheDomainHoldsAtMost63Characters() {
        assertThat(EmailAddress.problem("ada@" + "b".repeat(63) + ".example")).isEmpty();
        assertThat(EmailAddress.problem("ada@" + "b".repeat(64) + ".example")).contains("each part of an email "
                + "address's domain must be 1 to 63 letters, digits or hyphens, not starting or ending with a hyphen, "
                + "with single dots between parts");
    }

    @Test
    void anAddressHoldsAtMost254Characters() {
        String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".example";
        String longest = "a".repeat(254 - domain.length() - 1) + "@" + domain;

        assertThat(longest).hasSize(254);
        assertThat(EmailAddress.problem(longest)).isEmpty();
        assertThat(EmailAddress.problem("a" + longest)).contains(
                "an email address can have at most 254 characters; this one has 255");
    }

    @Test
    void aDomainLabelHoldsAtMost63Characters() {
        assertThat(EmailAddress.problem("ada@" + "b".repeat(63) + ".example")).isEmpty();
        assertThat(EmailAddress.problem("ada@" + "b".repeat(64) + ".example")).isPresent();
    }

    @Test
    void anUnicodeAddressIsToldToUsePunycode() {
        assertThat(EmailAddress.problem("ada@bücher.example")).contains("an email address must be ASCII (write an "
                + "internationalised domain in punycode, xn--…): character 6 is U+00FC");
    }
}
