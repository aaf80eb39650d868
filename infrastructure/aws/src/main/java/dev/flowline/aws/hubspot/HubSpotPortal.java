package dev.flowline.aws.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.FlowlineJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A HubSpot portal read through its public API with a private-app token: the flows ({@code /automation/v4/flows}),
 * the lists ({@code /crm/v3/lists}) and the contacts ({@code /crm/v3/objects/contacts}). Flowline serves the same
 * paths, so a Flowline deployment can be read as a portal too. A 429 is waited out as its {@code Retry-After} says.
 */
public final class HubSpotPortal {

    private static final int PAGE = 100;
    private static final int ATTEMPTS = 5;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI baseUrl;
    private final String token;

    public HubSpotPortal(URI baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** The ids of every flow, from the paged listing. */
    public List<String> flowIds() {
        var ids = new ArrayList<String>();
        paged("/automation/v4/flows?limit=" + PAGE, flow -> ids.add(flow.path("id").asText()));
        return ids;
    }

    /** The whole flow, as its detail GET returns it. */
    public JsonNode flow(String flowId) {
        return get("/automation/v4/flows/" + encode(flowId)).orElseThrow(
                () -> new IllegalStateException("flow " + flowId + " is listed but cannot be read"));
    }

    /** The list's definition ({@code list} of the answer), if the portal has such a list. */
    public Optional<JsonNode> list(String listId) {
        return get("/crm/v3/lists/" + encode(listId)).map(answer -> answer.path("list"));
    }

    /** The record ids of a list's members. */
    public List<String> listMembers(String listId) {
        var ids = new ArrayList<String>();
        paged("/crm/v3/lists/" + encode(listId) + "/memberships?limit=" + PAGE,
                member -> ids.add(member.path("recordId").asText()));
        return ids;
    }

    /**
     * Every contact with every property: HubSpot returns only a default set unless asked for each by name, so the
     * names come from the properties API when the portal has it; Flowline returns all of them unasked.
     */
    public void contacts(Consumer<JsonNode> each) {
        var names = new ArrayList<String>();
        get("/crm/v3/properties/contacts").ifPresent(properties ->
                properties.path("results").forEach(property -> names.add(property.path("name").asText())));
        String asked = names.isEmpty() ? "" : "&properties=" + encode(String.join(",", names));
        paged("/crm/v3/objects/contacts?limit=" + PAGE + asked, each);
    }

    private void paged(String path, Consumer<JsonNode> each) {
        String after = null;
        do {
            JsonNode page = get(after == null ? path : path + "&after=" + encode(after)).orElseThrow(
                    () -> new IllegalStateException(path + " is not served by " + baseUrl));
            page.path("results").forEach(each);
            JsonNode next = page.path("paging").path("next").path("after");
            after = next.isMissingNode() || next.isNull() ? null : next.asText();
        } while (after != null);
    }

    /** The JSON answer, or empty for a 404; any other failure is an error naming the path. */
    private Optional<JsonNode> get(String path) {
        var request = HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = send(request);
            if (response.statusCode() == 429 && attempt < ATTEMPTS) {
                pause(response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L));
                continue;
            }
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return Optional.of(FlowlineJson.read(response.body(), JsonNode.class));
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void pause(long seconds) {
        try {
            Thread.sleep(Duration.ofSeconds(Math.max(1, seconds)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
