package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.engine.crm.CrmObjectType;
import dev.flowline.engine.crm.ObjectRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** HubSpot's CRM v3 objects and v4 associations routes for records beside contacts. */
@ExtendWith(EmbeddedAws.class)
class CrmObjectRoutesTest {

    private static String task(String subject, String contactId) {
        return """
                {"properties":{"hs_task_subject":"%s","hs_task_priority":"HIGH","hs_timestamp":"2026-03-03T09:00:00Z"},
                 "associations":[{"to":{"id":"%s"},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":204}]}]}"""
                .formatted(subject, contactId);
    }

    @Test
    void aTaskCreatedWithAnAssociationIsReadableFromBothEnds(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        String ada = api.contact("ada@example.com");

        var created = api.call("POST", "/crm/v3/objects/tasks", task("Call Ada", ada));
        String id = created.body().path("id").asText();

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().path("properties").path("hs_task_subject").asText()).isEqualTo("Call Ada");
        assertThat(created.body().path("properties").path("hs_object_id").asText()).isEqualTo(id);
        assertThat(created.body().path("archived").asBoolean()).isFalse();
        var read = api.call("GET", "/crm/v3/objects/0-27/" + id, Map.of("associations", "contacts"), null);
        assertThat(read.body().path("associations").path("contacts").path("results")).singleElement()
                .satisfies(result -> {
                    assertThat(result.path("id").asText()).isEqualTo(ada);
                    assertThat(result.path("type").asText()).isEqualTo("task_to_contact");
                });
        var contact = api.call("GET", "/crm/v3/objects/contacts/" + ada, Map.of("associations", "tasks,deals"), null);
        assertThat(contact.body().path("associations").path("tasks").path("results")).singleElement()
                .satisfies(result -> assertThat(result.path("type").asText()).isEqualTo("contact_to_task"));
        assertThat(contact.body().path("associations").has("deals")).isFalse();
        var v4 = api.call("GET", "/crm/v4/objects/contact/" + ada + "/associations/tasks", null);
        assertThat(v4.body().path("results")).singleElement().satisfies(result -> {
            assertThat(result.path("toObjectId").asLong()).isEqualTo(Long.parseLong(id));
            assertThat(result.path("associationTypes").get(0).path("typeId").asInt()).isEqualTo(203);
            assertThat(result.path("associationTypes").get(0).path("category").asText()).isEqualTo("HUBSPOT_DEFINED");
            assertThat(result.path("associationTypes").get(0).path("label").isNull()).isTrue();
        });
    }

    @Test
    void propertiesAreUpdatedReadSelectivelyAndArchived(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        String id = api.call("POST", "/crm/v3/objects/deals",
                "{\"properties\":{\"dealname\":\"Big\",\"amount\":1200,\"dealstage\":\"appointmentscheduled\"}}")
                .body().path("id").asText();

        var updated = api.call("PATCH", "/crm/v3/objects/deals/" + id, "{\"properties\":{\"dealstage\":\"closedwon\"}}");
        var some = api.call("GET", "/crm/v3/objects/deals/" + id, Map.of("properties", "amount,nothing"), null);

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().path("properties").path("dealstage").asText()).isEqualTo("closedwon");
        assertThat(updated.body().path("properties").path("dealname").asText()).isEqualTo("Big");
        assertThat(some.body().path("properties").path("amount").asText()).isEqualTo("1200");
        assertThat(some.body().path("properties").has("dealname")).isFalse();
        assertThat(some.body().path("properties").path("nothing").isNull()).isTrue();

        assertThat(api.call("DELETE", "/crm/v3/objects/deals/" + id, null).status()).isEqualTo(204);
        assertThat(api.call("DELETE", "/crm/v3/objects/deals/" + id, null).status()).isEqualTo(204);
        assertThat(api.call("GET", "/crm/v3/objects/deals/" + id, null).status()).isEqualTo(404);
        assertThat(api.call("PATCH", "/crm/v3/objects/deals/" + id, "{\"properties\":{\"x\":\"y\"}}").status())
                .isEqualTo(404);
    }

    @Test
    void listsPageByAfterAndBatchReadsNameTheMissingIds(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        var ids = new ArrayList<String>();
        for (String name : List.of("Acme", "Globex", "Initech")) {
            ids.add(api.call("POST", "/crm/v3/objects/companies", "{\"properties\":{\"name\":\"" + name + "\"}}")
                    .body().path("id").asText());
        }

        var first = api.call("GET", "/crm/v3/objects/companies", Map.of("limit", "2"), null);
        String after = first.body().path("paging").path("next").path("after").asText();
        var second = api.call("GET", "/crm/v3/objects/companies", Map.of("limit", "2", "after", after), null);
        var batch = api.call("POST", "/crm/v3/objects/companies/batch/read",
                "{\"properties\":[\"name\"],\"inputs\":[{\"id\":\"" + ids.get(1) + "\"},{\"id\":\"404\"}]}");

        List<String> listed = new ArrayList<>();
        first.body().path("results").forEach(c -> listed.add(c.path("id").asText()));
        second.body().path("results").forEach(c -> listed.add(c.path("id").asText()));
        assertThat(first.body().path("results")).hasSize(2);
        assertThat(second.body().has("paging")).isFalse();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(batch.status()).isEqualTo(207);
        assertThat(batch.body().path("results")).singleElement()
                .satisfies(c -> assertThat(c.path("properties").path("name").asText()).isEqualTo("Globex"));
        assertThat(batch.body().path("errors").get(0).path("context").path("ids").get(0).asText()).isEqualTo("404");
        assertThat(api.call("GET", "/crm/v3/objects/companies", Map.of("limit", "0"), null).status()).isEqualTo(400);
    }

    @Test
    void aPrimaryCompanyIsAssociatedInV4ShapesAndRemoved(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        String ada = api.contact("ada@example.com");
        String acme = api.call("POST", "/crm/v3/objects/0-2", "{\"properties\":{\"name\":\"Acme\"}}")
                .body().path("id").asText();
        String path = "/crm/v4/objects/contacts/" + ada + "/associations/companies/" + acme;

        var put = api.call("PUT", path, "[{\"associationCategory\":\"HUBSPOT_DEFINED\",\"associationTypeId\":1}]");
        var fromCompany = api.call("GET", "/crm/v4/objects/0-2/" + acme + "/associations/0-1", null);

        assertThat(put.status()).as(put.body().toString()).isEqualTo(201);
        assertThat(put.body().path("fromObjectTypeId").asText()).isEqualTo("0-1");
        assertThat(put.body().path("toObjectTypeId").asText()).isEqualTo("0-2");
        assertThat(put.body().path("labels")).extracting(JsonNode::asText).containsExactly("Primary");
        assertThat(fromCompany.status()).as(fromCompany.body().toString()).isEqualTo(200);
        assertThat(fromCompany.body().path("results").get(0).path("associationTypes"))
                .extracting(t -> t.path("typeId").asInt()).containsExactly(2, 280);

        assertThat(api.call("DELETE", path, null).status()).isEqualTo(204);
        assertThat(api.call("GET", "/crm/v4/objects/contacts/" + ada + "/associations/companies", null)
                .body().path("results")).isEmpty();
    }

    @Test
    void badInputIsAValidationErrorInHubSpotsShapeAndWritesNothing(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        String ada = api.contact("ada@example.com");

        var noProperties = api.call("POST", "/crm/v3/objects/tickets", "{\"properties\":[]}");
        var badName = api.call("POST", "/crm/v3/objects/tickets", "{\"properties\":{\"Subject\":\"x\"}}");
        var badType = api.call("POST", "/crm/v3/objects/tasks", task("Call", ada).replace("204", "279"));
        var missingContact = api.call("POST", "/crm/v3/objects/tasks", task("Call", "404"));
        var customLabel = api.call("POST", "/crm/v3/objects/tasks",
                task("Call", ada).replace("HUBSPOT_DEFINED", "USER_DEFINED"));
        var unknownType = api.call("GET", "/crm/v3/objects/widgets", null);

        assertThat(noProperties.status()).isEqualTo(400);
        assertThat(noProperties.body().path("category").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(noProperties.body().path("errors").get(0).path("in").asText()).isEqualTo("/properties");
        assertThat(badName.body().path("errors").get(0).path("code").asText()).isEqualTo("PROPERTY_DOESNT_EXIST");
        assertThat(badType.body().path("errors").get(0).path("in").asText())
                .isEqualTo("/associations/0/types/0/associationTypeId");
        assertThat(missingContact.status()).isEqualTo(400);
        assertThat(missingContact.body().path("message").asText()).isEqualTo("there is no contact 404");
        assertThat(customLabel.body().path("errors").get(0).path("in").asText())
                .isEqualTo("/associations/0/types/0/associationCategory");
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.body().path("message").asText()).isEqualTo("Unable to infer object type from: widgets");
        assertThat(api.call("GET", "/crm/v3/objects/tasks", null).body().path("results")).isEmpty();
        assertThat(api.engine.engine().ports().crmObjects()
                .associations(ObjectRef.contact(ada), CrmObjectType.TASK, null, 10).items()).isEmpty();
    }

    @Test
    void recordsThatAreNotThereAre404s(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        String ada = api.contact("ada@example.com");

        assertThat(api.call("GET", "/crm/v3/objects/notes/404", null).status()).isEqualTo(404);
        assertThat(api.call("GET", "/crm/v3/objects/notes/404", null).body().path("category").asText())
                .isEqualTo("OBJECT_NOT_FOUND");
        assertThat(api.call("GET", "/crm/v4/objects/contacts/404/associations/notes", null).status()).isEqualTo(404);
        assertThat(api.call("PUT", "/crm/v4/objects/contacts/" + ada + "/associations/notes/404", "[]").status())
                .isEqualTo(404);
    }
}
