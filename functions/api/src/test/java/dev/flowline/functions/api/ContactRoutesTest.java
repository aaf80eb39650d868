package dev.flowline.functions.api;

import dev.flowline.aws.EmbeddedAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedAws.class)
class ContactRoutesTest {

    private static final String CONTACTS = "/crm/v3/objects/contacts";

    @Test
    void creatingAContactAnswersHubSpotsShapeAndPublishesAllItsProperties(EmbeddedAws.Environment aws) {
        var api = new Api(aws);

        var created = api.call("POST", CONTACTS, "{\"properties\":{\"email\":\"ada@example.com\",\"age\":36}}");

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().path("id").asText();
        assertThat(created.body().path("properties").path("email").asText()).isEqualTo("ada@example.com");
        assertThat(created.body().path("properties").path("age").asText()).isEqualTo("36");
        assertThat(created.body().path("createdAt").asText()).isEqualTo(Api.NOW.toString());
        assertThat(created.body().path("archived").asBoolean(true)).isFalse();
        assertThat(api.published).singleElement().satisfies(p -> {
            assertThat(p.contactId()).isEqualTo(id);
            assertThat(p.properties()).contains("email", "age", "createdate");
        });
    }

    @Test
    void aSecondContactWithTheSameEmailIsAConflict(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        api.contact("ada@example.com");

        var duplicate = api.call("POST", CONTACTS, "{\"properties\":{\"email\":\"ADA@example.com\"}}");

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().path("category").asText()).isEqualTo("CONFLICT");
    }

    @Test
    void aContactIsReadByIdOrByEmailWithChosenPropertiesAndHistory(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        String id = api.contact("ada@example.com");
        api.call("PATCH", CONTACTS + "/" + id, "{\"properties\":{\"lifecyclestage\":\"customer\"}}");

        var byId = api.call("GET", CONTACTS + "/" + id,
                Map.of("properties", "lifecyclestage", "propertiesWithHistory", "lifecyclestage"), null);
        var byEmail = api.call("GET", CONTACTS + "/ada@example.com", Map.of("idProperty", "email"), null);

        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.body().path("properties").size()).isEqualTo(1);
        assertThat(byId.body().path("properties").path("lifecyclestage").asText()).isEqualTo("customer");
        var history = byId.body().path("propertiesWithHistory").path("lifecyclestage");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("value").asText()).isEqualTo("customer");
        assertThat(history.get(1).path("value").asText()).isEqualTo("lead");
        assertThat(history.get(0).path("sourceType").asText()).isNotEmpty();
        assertThat(byEmail.body().path("id").asText()).isEqualTo(id);
    }

    @Test
    void anUpdatePublishesOnlyTheChangedProperties(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        String id = api.contact("ada@example.com");
        api.published.clear();

        var updated = api.call("PATCH", CONTACTS + "/" + id,
                "{\"properties\":{\"lifecyclestage\":\"customer\",\"email\":\"ada@example.com\"}}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(api.published).singleElement()
                .satisfies(p -> assertThat(p.properties()).contains("lifecyclestage").doesNotContain("email"));
    }

    @Test
    void unknownContactsAndMalformedPropertiesAreRefused(EmbeddedAws.Environment aws) {
        var api = new Api(aws);

        assertThat(api.call("GET", CONTACTS + "/404", null).status()).isEqualTo(404);
        assertThat(api.call("PATCH", CONTACTS + "/404", "{\"properties\":{}}").status()).isEqualTo(404);
        var invalid = api.call("POST", CONTACTS, "{\"properties\":{\"email\":{\"nested\":true}}}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("errors").get(0).path("in").asText()).isEqualTo("/properties/email");
        assertThat(api.call("POST", CONTACTS, "{not json").status()).isEqualTo(400);
        assertThat(api.published).isEmpty();
    }

    @Test
    void anArchivedContactIsGoneAndItsEnrolmentsFindNoContact(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        String id = api.contact("ada@example.com");

        assertThat(api.call("DELETE", CONTACTS + "/" + id, null).status()).isEqualTo(204);

        assertThat(api.call("GET", CONTACTS + "/" + id, null).status()).isEqualTo(404);
        assertThat(api.engine.engine().ports().contacts().find(id)).isEmpty();
    }

    @Test
    void contactsArePagedWithAfter(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        api.contact("a@example.com");
        api.contact("b@example.com");
        api.contact("c@example.com");

        var first = api.call("GET", CONTACTS, Map.of("limit", "2"), null);
        var second = api.call("GET", CONTACTS,
                Map.of("limit", "2", "after", first.body().path("paging").path("next").path("after").asText()), null);

        assertThat(first.body().path("results")).hasSize(2);
        assertThat(second.body().path("results")).hasSize(1);
        assertThat(second.body().has("paging")).isFalse();
        assertThat(api.call("GET", CONTACTS, Map.of("limit", "0"), null).status()).isEqualTo(400);
    }

    @Test
    void aBatchCreateWritesNothingWhenAnyInputIsInvalid(EmbeddedAws.Environment aws) {
        var api = new Api(aws);

        var refused = api.call("POST", CONTACTS + "/batch/create", "{\"inputs\":[{\"properties\":{\"email\":"
                + "\"a@example.com\"}},{\"properties\":[]}]}");
        var duplicate = api.call("POST", CONTACTS + "/batch/create", "{\"inputs\":[{\"properties\":{\"email\":"
                + "\"a@example.com\"}},{\"properties\":{\"email\":\"a@example.com\"}}]}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("in").asText()).isEqualTo("/inputs/1/properties");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(api.engine.engine().ports().contacts().findByEmail("a@example.com")).isEmpty();
    }

    @Test
    void aBatchCreateWithAnInputTooLargeToStoreWritesNoneOfTheOthers(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        var random = new java.util.Random(1);
        var large = new StringBuilder("{\"email\":\"large@example.com\"");
        for (int i = 0; i < 12; i++) {
            var value = new StringBuilder();
            random.ints(ContactWrites.MAX_VALUE_LENGTH, 'a', 'z' + 1).forEach(c -> value.append((char) c));
            large.append(",\"p").append(i).append("\":\"").append(value).append('"');
        }
        large.append('}');

        var refused = api.call("POST", CONTACTS + "/batch/create", "{\"inputs\":[{\"properties\":{\"email\":"
                + "\"a@example.com\"}},{\"properties\":" + large + "},{\"properties\":{\"email\":"
                + "\"c@example.com\"}}]}");

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.body().path("category").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(refused.body().path("errors").get(0).path("in").asText()).isEqualTo("/inputs/1/properties");
        assertThat(api.engine.engine().ports().contacts().findByEmail("a@example.com")).isEmpty();
        assertThat(api.engine.engine().ports().contacts().findByEmail("large@example.com")).isEmpty();
    }

    @Test
    void batchCreateReadUpdateAndArchiveUseHubSpotsBatchResponse(EmbeddedAws.Environment aws) {
        var api = new Api(aws);

        var created = api.call("POST", CONTACTS + "/batch/create", "{\"inputs\":[{\"properties\":{\"email\":"
                + "\"a@example.com\"}},{\"properties\":{\"email\":\"b@example.com\"}}]}");
        String a = created.body().path("results").get(0).path("id").asText();
        var updated = api.call("POST", CONTACTS + "/batch/update",
                "{\"inputs\":[{\"id\":\"" + a + "\",\"properties\":{\"firstname\":\"Ada\"}}]}");
        var unknownUpdate = api.call("POST", CONTACTS + "/batch/update",
                "{\"inputs\":[{\"id\":\"" + a + "\",\"properties\":{\"firstname\":\"X\"}},{\"id\":\"404\","
                        + "\"properties\":{}}]}");
        var read = api.call("POST", CONTACTS + "/batch/read",
                "{\"properties\":[\"firstname\"],\"inputs\":[{\"id\":\"" + a + "\"},{\"id\":\"404\"}]}");
        var archived = api.call("POST", CONTACTS + "/batch/archive", "{\"inputs\":[{\"id\":\"" + a + "\"}]}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("status").asText()).isEqualTo("COMPLETE");
        assertThat(created.body().path("results")).hasSize(2);
        assertThat(updated.body().path("results").get(0).path("properties").path("firstname").asText())
                .isEqualTo("Ada");
        assertThat(unknownUpdate.status()).isEqualTo(400);
        assertThat(unknownUpdate.body().path("errors").get(0).path("in").asText()).isEqualTo("/inputs/1/id");
        assertThat(read.status()).isEqualTo(207);
        assertThat(read.body().path("results").get(0).path("properties").path("firstname").asText())
                .isEqualTo("Ada");
        assertThat(read.body().path("errors").get(0).path("context").path("ids").get(0).asText()).isEqualTo("404");
        assertThat(archived.status()).isEqualTo(204);
        assertThat(api.engine.engine().ports().contacts().find(a)).isEmpty();
    }
}
