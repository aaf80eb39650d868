package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /openapi.json}: the OpenAPI document of the whole API. It is kept in YAML
 * ({@code src/main/resources/openapi.yaml}) and turned into {@code openapi.json} on the class path when the
 * module is built ({@code src/build/OpenApiJson.java}), so the function needs no YAML parser.
 */
final class OpenApiRoutes implements Routes {

    static final String PATH = "/openapi.json";
    static final String RESOURCE = "/openapi.json";

    @Override
    public void register(Router router) {
        router.get(PATH, request -> ApiResponse.ok(Document.JSON));
    }

    /** The document, parsed. */
    static JsonNode document() {
        try {
            return new ObjectMapper().readTree(json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Read on the first request for it, not when a cold start builds the routes. */
    private static final class Document {
        static final String JSON = json();
    }
}
