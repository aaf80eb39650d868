package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiDocumentTest {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private final JsonNode document = OpenApiRoutes.document();

    @Test
    void theDocumentIsOpenApi31() {
        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.path("info").path("title").asText()).isNotEmpty();
        assertThat(document.path("paths").size()).isPositive();
    }

    @Test
    void everyReferenceNamesAComponentOfTheDocument() {
        var unresolved = new ArrayList<String>();
        collectReferences(document, unresolved);
        assertThat(unresolved).isEmpty();
    }

    @Test
    void everyPathParameterIsDeclaredOnEachOperationOfItsPath() {
        var undeclared = new ArrayList<String>();
        document.path("paths").properties().forEach(path -> {
            Matcher m = PATH_PARAMETER.matcher(path.getKey());
            var names = new ArrayList<String>();
            while (m.find()) {
                names.add(m.group(1));
            }
            path.getValue().properties().stream().filter(operation -> METHODS.contains(operation.getKey()))
                    .forEach(operation -> {
                        Set<String> declared = pathParameters(path.getValue().path("parameters"));
                        declared.addAll(pathParameters(operation.getValue().path("parameters")));
                        names.stream().filter(name -> !declared.contains(name))
                                .forEach(name -> undeclared.add(operation.getKey() + " " + path.getKey() + ": " + name));
                        declared.stream().filter(name -> !names.contains(name))
                                .forEach(name -> undeclared.add(operation.getKey() + " " + path.getKey() + ": extra " + name));
                    });
        });
        assertThat(undeclared).isEmpty();
    }

    @Test
    void everyOperationHasAnIdAndASuccessResponse() {
        var incomplete = new ArrayList<String>();
        var ids = new HashSet<String>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(operation -> METHODS.contains(operation.getKey())).forEach(operation -> {
                    JsonNode responses = operation.getValue().path("responses");
                    boolean success = responses.propertyStream().anyMatch(r -> r.getKey().startsWith("2"));
                    if (!success || !ids.add(operation.getValue().path("operationId").asText())) {
                        incomplete.add(operation.getKey() + " " + path.getKey());
                    }
                }));
        assertThat(incomplete).isEmpty();
    }

    private Set<String> pathParameters(JsonNode parameters) {
        var names = new HashSet<String>();
        for (JsonNode parameter : parameters) {
            JsonNode resolved = parameter.has("$ref") ? resolve(parameter.path("$ref").asText()) : parameter;
            if ("path".equals(resolved.path("in").asText())) {
                names.add(resolved.path("name").asText());
            }
        }
        return names;
    }

    private void collectReferences(JsonNode node, List<String> unresolved) {
        if (node.isObject() && node.has("$ref") && resolve(node.path("$ref").asText()).isMissingNode()) {
            unresolved.add(node.path("$ref").asText());
        }
        node.forEach(child -> collectReferences(child, unresolved));
    }

    private JsonNode resolve(String reference) {
        return reference.startsWith("#/") ? document.at(reference.substring(1)) : MissingNode.getInstance();
    }
}
