package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.json}: the OpenAPI document of the whole API. It is kept in YAML ({@code openapi.yaml} on
 * the class path, {@code docs/openapi.yaml} in the repository) and served as JSON.
 */
final class OpenApiRoutes implements Routes {

    static final String RESOURCE = "/openapi.yaml";

    @Override
    public void register(Router router) {
        router.get("/openapi.json", request -> ApiResponse.ok(Document.JSON));
    }

    /** The document as read from the class path. */
    static JsonNode document() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Read on the first request for it, not when a cold start builds the routes. */
    private static final class Document {
        static final String JSON = document().toString();
    }
}
