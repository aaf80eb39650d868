package dev.flowline.functions.api;

import dev.flowline.aws.EmbeddedAws;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed, oversized and deeply nested bodies posted to the routes that write flows, contacts, events and
 * lists: each is refused with its status (and, where there is one, the JSON Pointer of the problem), and
 * nothing is written or published. The small ones are files under {@code hostile/}, listed in
 * {@code hostile/cases.csv}; the large ones are made here.
 */
@ExtendWith(EmbeddedAws.class)
class HostileCorpusTest {

    private static final Map<String, String> ROUTES = Map.of(
            "flows", "/automation/v4/flows",
            "contacts", "/crm/v3/objects/contacts",
            "contact-batches", "/crm/v3/objects/contacts/batch/create",
            "events", "/events/v3/send",
            "lists", "/crm/v3/lists");

    @ParameterizedTest(name = "{0}/{1} is a {2} at \"{3}\"")
    @CsvFileSource(resources = "/hostile/cases.csv", numLinesToSkip = 1)
    void aMalformedBodyIsRefusedAndNothingIsWritten(String route, String file, int status, String in,
                                                    EmbeddedAws.Environment aws) {
        Api.Answer answer = postedAndNothingWritten(aws, route, resource("/hostile/" + route + "/" + file));

        HostileApi.assertClientError(answer, route + "/" + file);
        assertThat(answer.status()).isEqualTo(status);
        if (in != null) {
            assertThat(answer.body().path("errors").findValuesAsText("in")).contains(in);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("oversized")
    void anOversizedOrDeeplyNestedBodyIsRefusedAndNothingIsWritten(String route, String what, String body,
                                                                   int status, EmbeddedAws.Environment aws) {
        Api.Answer answer = postedAndNothingWritten(aws, route, body);

        HostileApi.assertClientError(answer, route + ": " + what);
        assertThat(answer.status()).isEqualTo(status);
    }

    static Stream<Arguments> oversized() {
        String tooLong = "x".repeat(2 * 1024 * 1024);
        // fewer characters than the limit, more bytes: 'é' is two bytes in UTF-8
        String tooManyBytes = "é".repeat(ApiHandler.MAX_BODY_BYTES / 2 + 1);
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        String justTooDeep = "[".repeat(300) + "]".repeat(300);
        return ROUTES.keySet().stream().sorted().flatMap(route -> Stream.of(
                Arguments.of(route, "arrays 10,000 deep", deep, 400),
                Arguments.of(route, "arrays 300 deep in a field",
                        "{\"name\":" + justTooDeep + ",\"properties\":" + justTooDeep + "}", 400),
                Arguments.of(route, "a 2 MiB string", "{\"name\":\"" + tooLong + "\"}", 413),
                Arguments.of(route, "1 MiB and a byte of two-byte characters",
                        "{\"name\":\"" + tooManyBytes + "\"}", 413)));
    }

    /**
     * Posts {@code body} to the route on an API holding one contact (ada@example.com, the one events name), and
     * checks that no table changed and nothing was published.
     */
    private static Api.Answer postedAndNothingWritten(EmbeddedAws.Environment aws, String route, String body) {
        var hostile = new HostileApi(aws);
        hostile.api.contact("ada@example.com");
        hostile.api.published.clear();
        Map<String, Integer> before = hostile.stored();

        Api.Answer answer = hostile.call("POST", ROUTES.get(route), Map.of(), body);

        assertThat(hostile.stored()).as("items per table").isEqualTo(before);
        assertThat(hostile.api.published).as("published").isEmpty();
        return answer;
    }

    private static String resource(String name) {
        try (InputStream in = HostileCorpusTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
