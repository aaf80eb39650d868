package dev.flowline.functions.api;

import dev.flowline.aws.EmbeddedAws;
import dev.flowline.engine.action.InAppNotification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedAws.class)
class OwnerRoutesTest {

    private static void fill(Api api) {
        assertThat(api.call("PUT", "/flowline/v1/teams/7", "{\"name\":\"West Coast Sales\"}").status()).isEqualTo(200);
        api.call("PUT", "/flowline/v1/teams/8", "{\"name\":\"California Sales\"}");
        var put = api.call("PUT", "/flowline/v1/owners/61", """
                {"email":"jsmith@example.com","firstName":"John","lastName":"Smith","userId":"1296619",
                 "teams":[{"id":"8"},{"id":"7","primary":true}]}""");
        assertThat(put.status()).as(put.body().toString()).isEqualTo(200);
        api.call("PUT", "/flowline/v1/owners/62", "{\"email\":\"ada@example.com\",\"firstName\":\"Ada\"}");
    }

    @Test
    void ownersReadAsHubSpotsOwnersApiAnswersThem(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        fill(api);

        var owner = api.call("GET", "/crm/v3/owners/61", null);

        assertThat(owner.status()).isEqualTo(200);
        assertThat(owner.body().path("id").asText()).isEqualTo("61");
        assertThat(owner.body().path("email").asText()).isEqualTo("jsmith@example.com");
        assertThat(owner.body().path("firstName").asText()).isEqualTo("John");
        assertThat(owner.body().path("lastName").asText()).isEqualTo("Smith");
        assertThat(owner.body().path("userId").isNumber()).isTrue();
        assertThat(owner.body().path("userId").asLong()).isEqualTo(1296619L);
        assertThat(owner.body().path("archived").asBoolean()).isFalse();
        assertThat(owner.body().path("createdAt").asText()).isEqualTo(Api.NOW.toString());
        assertThat(owner.body().path("teams").toString()).isEqualTo(
                "[{\"id\":\"8\",\"name\":\"California Sales\",\"primary\":false},"
                        + "{\"id\":\"7\",\"name\":\"West Coast Sales\",\"primary\":true}]");
        assertThat(api.call("GET", "/crm/v3/owners/1296619", Map.of("idProperty", "userId"), null)
                .body().path("id").asText()).isEqualTo("61");
        assertThat(api.call("GET", "/crm/v3/owners/62", null).body().path("userId").asLong())
                .as("the owner id, when no user id was given").isEqualTo(62L);
    }

    @Test
    void theListingPagesAndFindsByEmail(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        fill(api);

        var first = api.call("GET", "/crm/v3/owners", Map.of("limit", "1"), null);
        var second = api.call("GET", "/crm/v3/owners",
                Map.of("limit", "1", "after", first.body().path("paging").path("next").path("after").asText()), null);
        var byEmail = api.call("GET", "/crm/v3/owners", Map.of("email", "ADA@example.com"), null);

        assertThat(first.body().path("results").get(0).path("id").asText()).isEqualTo("61");
        assertThat(second.body().path("results").get(0).path("id").asText()).isEqualTo("62");
        assertThat(second.body().has("paging")).isFalse();
        assertThat(byEmail.body().path("results")).singleElement()
                .satisfies(o -> assertThat(o.path("id").asText()).isEqualTo("62"));
        assertThat(api.call("GET", "/flowline/v1/teams", null).body().path("results")).hasSize(2);
    }

    @Test
    void anArchivedOwnerLeavesTheListingAndIsReadOnlyWhenAsked(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        fill(api);

        assertThat(api.call("DELETE", "/flowline/v1/owners/62", null).status()).isEqualTo(204);

        assertThat(api.call("GET", "/crm/v3/owners", null).body().path("results")).hasSize(1);
        assertThat(api.call("GET", "/crm/v3/owners/62", null).status()).isEqualTo(404);
        assertThat(api.call("GET", "/crm/v3/owners/62", Map.of("archived", "true"), null).body()
                .path("archived").asBoolean()).isTrue();
        assertThat(api.call("DELETE", "/flowline/v1/owners/62", null).status()).isEqualTo(404);
        assertThat(api.call("PUT", "/flowline/v1/owners/62", "{\"email\":\"ada@example.com\"}").body()
                .path("archived").asBoolean()).as("put again, it is back").isFalse();
    }

    @Test
    void badOwnersAreRefusedWithThePathOfEachProblem(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        fill(api);

        var answer = api.call("PUT", "/flowline/v1/owners/63", """
                {"email":"not an address","teams":[{"id":"7","primary":true},{"id":"99","primary":true}]}""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("errors")).extracting(e -> e.path("in").asText())
                .containsExactly("/email", "/teams/1/id", "/teams/1/primary");
        assertThat(api.call("GET", "/crm/v3/owners/63", null).status()).isEqualTo(404);
        assertThat(api.call("PUT", "/flowline/v1/teams/9", "{}").status()).isEqualTo(400);
    }

    @Test
    void aUsersNotificationsReadNewestFirstAndCanBeMarkedRead(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        var notifier = api.engine.engine().ports().notifier();
        notifier.notify(new InAppNotification("k1", "f1", "c1", List.of("61"), List.of(), "APP", "First", "b",
                Api.NOW));
        notifier.notify(new InAppNotification("k2", "f1", "c2", List.of("61"), List.of(), "APP", "Second", "b",
                Api.NOW.plusSeconds(60)));

        var inbox = api.call("GET", "/flowline/v1/notifications", Map.of("userId", "61", "limit", "1"), null);
        String newest = inbox.body().path("results").get(0).path("id").asText();
        var read = api.call("POST", "/flowline/v1/notifications/" + newest + "/read", Map.of("userId", "61"), null);
        var again = api.call("GET", "/flowline/v1/notifications", Map.of("userId", "61"), null);

        assertThat(inbox.body().path("results").get(0).path("subject").asText()).isEqualTo("Second");
        assertThat(inbox.body().path("paging").path("next").path("after").asText()).isEqualTo(newest);
        assertThat(read.status()).isEqualTo(204);
        assertThat(again.body().path("results")).extracting(n -> n.path("subject").asText() + ":" + n.path("read"))
                .containsExactly("Second:true", "First:false");
        assertThat(api.call("POST", "/flowline/v1/notifications/" + newest + "/read", Map.of("userId", "62"), null)
                .status()).isEqualTo(404);
        assertThat(api.call("GET", "/flowline/v1/notifications", null).status()).isEqualTo(400);
        assertThat(api.call("GET", "/flowline/v1/notifications", Map.of("userId", "61", "after", "9".repeat(2000)),
                null).status()).isEqualTo(400);
        assertThat(api.call("GET", "/flowline/v1/notifications", Map.of("userId", "6".repeat(3000)), null).status())
                .isEqualTo(400);
    }
}
