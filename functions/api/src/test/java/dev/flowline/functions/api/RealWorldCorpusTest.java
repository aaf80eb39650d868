package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.engine.criteria.ListDefinition;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.list.ContactList;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real-world corpus ({@code realworld/} in the engine's test resources, described in its README): each flow is
 * created through the API, read back as it was sent (server-set fields aside), and run on the simulator through the
 * dry-run route, whose answer must hold what its sidecar expects.
 */
@ExtendWith(EmbeddedAws.class)
class RealWorldCorpusTest {

    private static final String FLOWS = "/automation/v4/flows";
    private static final Pattern FIXTURE_ROW = Pattern.compile("^\\| `([0-9]{2}-[a-z0-9-]+)` \\|");
    /** Set by the server on create, so not part of what is compared. */
    private static final List<String> SERVER_SET = List.of("id", "revisionId", "createdAt", "updatedAt", "uuid",
            "crmObjectCreationStatus");

    /** The fixtures the corpus's README lists, one table row each. */
    static Stream<String> fixtures() throws IOException {
        try (var in = RealWorldCorpusTest.class.getClassLoader().getResourceAsStream("realworld/README.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(FIXTURE_ROW::matcher)
                    .filter(Matcher::find).map(row -> row.group(1)).toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void isAcceptedKeptAndRunAsHubSpotRunsIt(String fixture, EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);
        JsonNode flow = read(fixture + ".json");
        JsonNode sidecar = read(fixture + ".expect.json");

        var created = api.post(FLOWS, flow.toString());
        assertThat(created.status()).as("%s: %s", fixture, created.body()).isEqualTo(201);
        JsonNode stored = api.get(FLOWS + "/" + created.body().path("id").asText()).body();
        assertThat(comparable(stored, flow)).as(fixture).isEqualTo(comparable(flow, flow));

        setUp(api, sidecar.path("setup"));
        var run = api.post("/flowline/v1/flows/" + stored.path("id").asText() + "/dry-run",
                sidecar.path("dryRun").toString());
        JsonNode expect = sidecar.path("expect");
        assertThat(run.status()).as("%s: %s", fixture, run.body()).isEqualTo(expect.path("status").asInt(200));
        if (run.status() == 200) {
            if (expect.has("emailCount")) {
                assertThat(run.body().path("emails").size()).as(fixture + " emails").isEqualTo(expect.path("emailCount").asInt());
            }
            ObjectNode expected = ((ObjectNode) expect.deepCopy()).without(List.of("emailCount", "status"));
            assertHolds(expected, run.body(), fixture);
        }
    }

    /**
     * What the account has before the run, as the portal had it: the owners the flow names (through the owner
     * directory's API) and its static lists, with the ids the flow uses.
     */
    private static void setUp(FlowApi api, JsonNode setup) {
        setup.path("owners").forEach(id -> assertThat(api.put("/flowline/v1/owners/" + id.asText(),
                "{\"email\":\"owner" + id.asText() + "@example.com\"}").status()).isEqualTo(200));
        Instant now = api.engine.clock().instant();
        setup.path("lists").forEach(id -> api.engine.engine().ports().lists().create(
                new ContactList(id.asText(), "List " + id.asText(), ListDefinition.MANUAL, null, now, now)));
    }

    /** The flow without the fields the server sets, and without a {@code nextAvailableActionId} {@code sent} lacks. */
    private static JsonNode comparable(JsonNode flow, JsonNode sent) {
        ObjectNode copy = ((ObjectNode) flow.deepCopy()).without(SERVER_SET);
        if (!sent.has("nextAvailableActionId")) {
            copy.remove("nextAvailableActionId");
        }
        return copy;
    }

    /** Every member of {@code expected} is in {@code actual}: objects member by member, arrays element by element in any order. */
    private static void assertHolds(JsonNode expected, JsonNode actual, String at) {
        if (expected.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                var member = it.next();
                assertThat(actual.has(member.getKey())).as("%s/%s in %s", at, member.getKey(), actual).isTrue();
                assertHolds(member.getValue(), actual.get(member.getKey()), at + "/" + member.getKey());
            }
        } else if (expected.isArray()) {
            for (JsonNode wanted : expected) {
                assertThat(actual).as("%s holds %s", at, wanted).anySatisfy(element -> assertHolds(wanted, element, at));
            }
        } else {
            assertThat(actual.asText()).as(at).isEqualTo(expected.asText());
        }
    }

    private static JsonNode read(String name) {
        try (var in = RealWorldCorpusTest.class.getClassLoader().getResourceAsStream("realworld/" + name)) {
            return FlowlineJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
