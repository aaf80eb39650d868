package dev.flowline.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flowline.engine.json.FlowlineJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sam local invoke <Function> -e events/<x>.json --env-vars env.json}: env.json gives every variable whose
 * value the template takes from a resource or a parameter without a default (SAM cannot resolve those on a laptop), and only variables
 * the template declares (SAM ignores the others); the sample events are what the template's sources send.
 */
class LocalInvokeTest {

    private static final Path ROOT = Path.of("../..");

    @Test
    void envJsonGivesEveryReferencedVariableOfEveryFunctionAndNoUndeclaredOne() throws IOException {
        JsonNode template = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("template.yaml").toFile());
        JsonNode env = FlowlineJson.read(Files.readString(ROOT.resolve("env.json")), JsonNode.class);
        Set<String> names = new HashSet<>();
        template.path("Resources").fieldNames().forEachRemaining(names::add);
        // SAM resolves a parameter to its default; one without a default has no value on a laptop
        template.path("Parameters").properties().stream().filter(parameter -> !parameter.getValue().has("Default"))
                .forEach(parameter -> names.add(parameter.getKey()));
        JsonNode globals = template.path("Globals").path("Function").path("Environment").path("Variables");

        var missing = new ArrayList<String>();
        var undeclared = new ArrayList<String>();
        Set<String> declared = new HashSet<>();
        globals.fieldNames().forEachRemaining(declared::add);
        template.path("Resources").properties().forEach(resource -> {
            if (!resource.getValue().path("Type").asText().equals("AWS::Serverless::Function")) {
                return;
            }
            String function = resource.getKey();
            JsonNode own = resource.getValue().path("Properties").path("Environment").path("Variables");
            own.fieldNames().forEachRemaining(declared::add);
            for (JsonNode variables : List.of(globals, own)) {
                variables.properties().forEach(variable -> {
                    String value = variable.getValue().asText();
                    boolean referenced = names.contains(value) || value.contains("${") || value.endsWith(".Arn");
                    if (referenced && !env.path(function).has(variable.getKey())
                            && !env.path("Parameters").has(variable.getKey())) {
                        missing.add(function + " " + variable.getKey());
                    }
                });
            }
            env.path(function).fieldNames().forEachRemaining(variable -> {
                if (!own.has(variable) && !globals.has(variable)) {
                    undeclared.add(function + " " + variable);
                }
            });
        });
        env.path("Parameters").fieldNames().forEachRemaining(variable -> {
            // SAM gives these to every function that declares them
            if (!declared.contains(variable)) {
                undeclared.add("Parameters " + variable);
            }
        });

        assertThat(missing).isEmpty();
        assertThat(undeclared).isEmpty();
    }

    @Test
    void theApiSampleHasTheTemplatesRouteAndTheActivationSampleNamesItsAccount() throws IOException {
        JsonNode template = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("template.yaml").toFile());
        JsonNode route = template.path("Resources").path("ApiFunction").path("Properties").path("Events")
                .path("Api").path("Properties");
        JsonNode api = FlowlineJson.read(Files.readString(ROOT.resolve("events/api-get-flow.json")), JsonNode.class);
        JsonNode activation = FlowlineJson.read(Files.readString(ROOT.resolve("events/flow-activation.json")),
                JsonNode.class);

        String routeKey = route.path("Method").asText() + " " + route.path("Path").asText();
        assertThat(api.path("routeKey").asText()).isEqualTo(routeKey);
        assertThat(api.path("requestContext").path("routeKey").asText()).isEqualTo(routeKey);
        assertThat(FlowlineJson.read(activation.path("Records").path(0).path("body").asText(), JsonNode.class)
                .path("account").asText()).isNotBlank();
    }
}
