package dev.flowline.functions.api;

import dev.flowline.aws.EmbeddedAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedAws.class)
class EmailTemplateRoutesTest {

    private static final String WELCOME = """
            {"subject":"Welcome, {{ contact.firstname }}","html":"<p>Dear {{ contact.firstname }}</p>",
             "text":"Dear {{ contact.firstname }}"}""";

    @Test
    void aTemplateIsPutReadReplacedAndDeleted(EmbeddedAws.Environment aws) {
        var api = new Api(aws);

        var put = api.call("PUT", "/flowline/v1/email-templates/4711", WELCOME);
        assertThat(put.status()).as(put.body().toString()).isEqualTo(200);
        assertThat(put.body().path("contentId").asText()).isEqualTo("4711");
        assertThat(put.body().path("createdAt").asText()).isEqualTo(Api.NOW.toString());
        assertThat(api.call("PUT", "/flowline/v1/email-templates/4711", "{\"subject\":\"Hi\",\"text\":\"Hello\"}")
                .status()).isEqualTo(200);

        var read = api.call("GET", "/flowline/v1/email-templates/4711", null).body();
        assertThat(read.path("subject").asText()).isEqualTo("Hi");
        assertThat(read.path("text").asText()).isEqualTo("Hello");
        assertThat(read.path("html").isNull()).as("the replaced template has no html body").isTrue();
        assertThat(api.call("DELETE", "/flowline/v1/email-templates/4711", null).status()).isEqualTo(204);
        assertThat(api.call("GET", "/flowline/v1/email-templates/4711", null).status()).isEqualTo(404);
        assertThat(api.call("DELETE", "/flowline/v1/email-templates/4711", null).status()).isEqualTo(404);
    }

    @Test
    void aTemplateWithoutSubjectOrBodyOrWithABadIdIsRefusedWithThePaths(EmbeddedAws.Environment aws) {
        var api = new Api(aws);

        var noBody = api.call("PUT", "/flowline/v1/email-templates/4711", "{\"text\":\" \"}");
        var badId = api.call("PUT", "/flowline/v1/email-templates/a%20b", "{\"subject\":\"s\",\"text\":\"t\"}");

        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.body().path("errors").toString()).contains("/subject", "/html");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.body().path("errors").toString()).contains("/contentId");
        assertThat(api.call("GET", "/flowline/v1/email-templates", null).body().path("results")).isEmpty();
    }

    @Test
    void theListingPagesInContentIdOrder(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        for (String id : new String[]{"3", "1", "2"}) {
            api.call("PUT", "/flowline/v1/email-templates/" + id, WELCOME);
        }

        var first = api.call("GET", "/flowline/v1/email-templates", Map.of("limit", "2"), null).body();
        var second = api.call("GET", "/flowline/v1/email-templates",
                Map.of("limit", "2", "after", first.path("paging").path("next").path("after").asText()), null).body();

        assertThat(first.path("results")).extracting(t -> t.path("contentId").asText()).containsExactly("1", "2");
        assertThat(second.path("results")).extracting(t -> t.path("contentId").asText()).containsExactly("3");
        assertThat(second.has("paging")).isFalse();
    }

    @Test
    void thePreviewFillsTheTemplateForTheContactAsTheFlowWouldSendIt(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        api.call("PUT", "/flowline/v1/email-templates/4711", WELCOME);
        String ada = api.call("POST", "/crm/v3/objects/contacts",
                "{\"properties\":{\"email\":\"ada@example.com\",\"firstname\":\"Ada <3\"}}").body().path("id").asText();

        var preview = api.call("POST", "/flowline/v1/email-templates/4711/preview", "{\"contactId\":\"" + ada + "\"}");

        assertThat(preview.status()).as(preview.body().toString()).isEqualTo(200);
        assertThat(preview.body().path("to").asText()).isEqualTo("ada@example.com");
        assertThat(preview.body().path("subject").asText()).isEqualTo("Welcome, Ada <3");
        assertThat(preview.body().path("html").asText()).isEqualTo("<p>Dear Ada &lt;3</p>");
        assertThat(preview.body().path("text").asText()).isEqualTo("Dear Ada <3");
        assertThat(api.call("POST", "/flowline/v1/email-templates/4711/preview", "{\"contactId\":\"404\"}").status())
                .isEqualTo(404);
        assertThat(api.call("POST", "/flowline/v1/email-templates/9/preview", "{\"contactId\":\"" + ada + "\"}")
                .status()).isEqualTo(404);
    }

    @Test
    void aTokenTheContactCannotFillIsNamedInThePreviewsError(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        api.call("PUT", "/flowline/v1/email-templates/4711", "{\"subject\":\"Hi\",\"text\":\"{{ deal.amount }}\"}");
        String ada = api.contact("ada@example.com");

        var preview = api.call("POST", "/flowline/v1/email-templates/4711/preview", "{\"contactId\":\"" + ada + "\"}");

        assertThat(preview.status()).isEqualTo(400);
        assertThat(preview.body().path("message").asText())
                .isEqualTo("the token {{ deal.amount }} cannot be filled: it is not a token Flowline knows");
    }
}
