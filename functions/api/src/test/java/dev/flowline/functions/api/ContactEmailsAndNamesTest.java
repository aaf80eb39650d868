package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.EmbeddedAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every path that takes an email address or a property name refuses what is neither, with HubSpot's 400
 * ({@code VALIDATION_ERROR}, the problem's code and pointer) and nothing written.
 */
@ExtendWith(EmbeddedAws.class)
class ContactEmailsAndNamesTest {

    private static final String CONTACTS = "/crm/v3/objects/contacts";

    private static Api.Answer create(Api api, String properties) {
        return api.call("POST", CONTACTS, "{\"properties\":" + properties + "}");
    }

    /** The answer is a 400 with one error, at {@code in}, with {@code code}; no contact change was published. */
    private static void assertRefused(Api api, Api.Answer answer, String in, String code) {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("category").asText()).isEqualTo("VALIDATION_ERROR");
        JsonNode error = answer.body().path("errors").get(0);
        assertThat(answer.body().path("errors")).hasSize(1);
        assertThat(error.path("in").asText()).isEqualTo(in);
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(api.published).isEmpty();
    }

    private static int storedContacts(Api api) {
        return api.call("GET", CONTACTS, Map.of("limit", "100"), null).body().path("results").size();
    }

    @Test
    void anEmailWithCrlfIsRefusedSoNoHeaderCanBeInjected(EmbeddedAws.Environment aws) {
        var api = new Api(aws);

        var created = create(api, "{\"email\":\"ada@example.com\\r\\nBcc: eve@example.com\"}");

        assertRefused(api, created, "/properties/email", "INVALID_EMAIL");
        assertThat(created.body().path("errors").get(0).path("message").asText()).isEqualTo("an email address "
                + "cannot hold control characters or whitespace: character 16 is U+000D");
        assertThat(storedContacts(api)).isZero();
    }

    @Test
    void anEmailWithCrlfIsRefusedOnUpdatesAndBatchesToo(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        String id = api.contact("ada@example.com");
        api.published.clear();

        var updated = api.call("PATCH", CONTACTS + "/" + id,
                "{\"properties\":{\"email\":\"ada@example.com\\nBcc: eve@example.com\"}}");
        assertRefused(api, updated, "/properties/email", "INVALID_EMAIL");

        var batchUpdated = api.call("POST", CONTACTS + "/batch/update", "{\"inputs\":[{\"id\":\"" + id
                + "\",\"properties\":{\"email\":\"ada@example.com\\r\\nCc: eve@example.com\"}}]}");
        assertRefused(api, batchUpdated, "/inputs/0/properties/email", "INVALID_EMAIL");

        var batchCreated = api.call("POST", CONTACTS + "/batch/create", "{\"inputs\":["
                + "{\"properties\":{\"email\":\"grace@example.com\"}},"
                + "{\"properties\":{\"email\":\"linus@example.com\\r\\n\"}}]}");
        assertRefused(api, batchCreated, "/inputs/1/properties/email", "INVALID_EMAIL");

        assertThat(storedContacts(api)).isEqualTo(1);
        assertThat(api.call("GET", CONTACTS + "/" + id, null).body().path("properties").path("email").asText())
                .isEqualTo("ada@example.com");
    }

    @Test
    void anEmailWithNulIsRefused(EmbeddedAws.Environment aws) {
        var api = new Api(aws);

        assertRefused(api, create(api, "{\"email\":\"ada\\u0000@example.com\"}"), "/properties/email",
                "INVALID_EMAIL");
    }

    @Test
    void notAnEmailIsRefused(EmbeddedAws.Environment aws) {
        var api = new Api(aws);

        var created = create(api, "{\"email\":\"not-an-email\"}");

        assertRefused(api, created, "/properties/email", "INVALID_EMAIL");
        assertThat(created.body().path("errors").get(0).path("message").asText())
                .isEqualTo("an email address has exactly one @, between the mailbox and the domain");
    }

    @Test
    void addressesMailSystemsAcceptAreStoredAndAnEmptyOneClearsTheEmail(EmbeddedAws.Environment aws) {
        var api = new Api(aws);

        for (String email : new String[] {"ada+newsletter@example.com", "grace@mail.eu.example.co.uk",
                "linus@xn--bcher-kva.example", "o'brien@[192.0.2.1]"}) {
            assertThat(create(api, "{\"email\":\"" + email + "\"}").status()).as(email).isEqualTo(201);
        }
        String id = api.contact("eve@example.com");
        assertThat(api.call("PATCH", CONTACTS + "/" + id, "{\"properties\":{\"email\":\"\"}}").status())
                .isEqualTo(200);
        assertThat(api.call("GET", CONTACTS + "/" + id, null).body().path("properties").path("email").textValue())
                .isNull();
    }

    @Test
    void anEmptyPropertyNameIsRefused(EmbeddedAws.Environment aws) {
        var api = new Api(aws);

        var created = create(api, "{\"email\":\"ada@example.com\",\"\":\"x\"}");

        assertRefused(api, created, "/properties/", "PROPERTY_DOESNT_EXIST");
        assertThat(created.body().path("errors").get(0).path("message").asText())
                .isEqualTo("a property name cannot be empty");
        assertThat(storedContacts(api)).isZero();
    }

    @Test
    void aNulPropertyNameIsRefused(EmbeddedAws.Environment aws) {
        var api = new Api(aws);

        var created = create(api, "{\"email\":\"ada@example.com\",\"\\u0000\":\"x\"}");

        assertRefused(api, created, "/properties/\u0000", "PROPERTY_DOESNT_EXIST");
        assertThat(created.body().path("errors").get(0).path("message").asText())
                .isEqualTo("a property name must start with a lower-case letter (a-z), not U+0000");
    }

    @Test
    void lookupsByEmailRefuseWhatIsNotAnAddress(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        api.contact("ada@example.com");
        api.published.clear();

        assertRefused(api, api.call("GET", CONTACTS + "/not-an-email", Map.of("idProperty", "email"), null),
                "contactId", "INVALID_EMAIL");
        assertRefused(api, api.call("POST", CONTACTS + "/batch/read", "{\"idProperty\":\"email\",\"inputs\":["
                + "{\"id\":\"ada@example.com\"},{\"id\":\"ada@example.com\\r\\nBcc: eve@example.com\"}]}"),
                "/inputs/1/id", "INVALID_EMAIL");
        assertRefused(api, api.call("POST", CONTACTS + "/gdpr-delete",
                "{\"objectId\":\"ada\\u0000@example.com\",\"idProperty\":\"email\"}"), "/objectId", "INVALID_EMAIL");
        assertRefused(api, api.call("POST", "/events/v3/send",
                "{\"eventName\":\"pe1_signup\",\"email\":\"not-an-email\"}"), "/email", "INVALID_EMAIL");
        assertThat(api.call("GET", CONTACTS + "/ada@example.com", Map.of("idProperty", "email"), null).status())
                .isEqualTo(200);
    }

    @Test
    void readsLeaveOutNamesNoPropertyCanHave(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        String id = api.contact("ada@example.com");

        var read = api.call("GET", CONTACTS + "/" + id,
                Map.of("properties", "lifecyclestage,Lifecycle Stage,\u0000", "propertiesWithHistory", "\u0000"), null);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("properties").properties()).extracting(Map.Entry::getKey)
                .containsExactly("lifecyclestage");
        assertThat(read.body().has("propertiesWithHistory")).isFalse();
    }

    @Test
    void aDryRunChecksItsContactsAsAWriteDoes(EmbeddedAws.Environment aws) {
        var api = new Api(aws);

        var run = api.call("POST", "/flowline/v1/flows/dry-run", "{\"flow\":" + HostileApi.FLOW + ",\"contacts\":["
                + "{\"id\":\"a\",\"properties\":{\"email\":\"a@example.com\\r\\nBcc: eve@example.com\"}}]}");

        assertThat(run.status()).isEqualTo(400);
        assertThat(run.body().path("errors").findValuesAsText("in")).containsExactly("/contacts/0/properties/email");
        assertThat(run.body().path("errors").findValuesAsText("code")).containsExactly("INVALID_EMAIL");
    }
}
