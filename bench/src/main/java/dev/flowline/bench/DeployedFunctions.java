package dev.flowline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The functions as template.yaml deploys them: each one's package (CodeUri), handler class, memory, and the JVM
 * options every function gets ({@code JAVA_TOOL_OPTIONS}), with its sample event from {@code events/}.
 */
record DeployedFunctions(String javaToolOptions, List<Function> functions) {

    /** One function: its template name, shaded jar, handler class, sample event and memory (its own or the global). */
    record Function(String name, Path jar, String handler, Path event, int memoryMb) {
    }

    /** The sample event of each function, by its resource name in the template. */
    private static final Map<String, String> EVENTS = new LinkedHashMap<>();

    static {
        EVENTS.put("TriggerEvaluatorFunction", "contact-changed.json");
        EVENTS.put("GoalCheckerFunction", "contact-activity.json");
        EVENTS.put("ActionExecutorFunction", "step-messages.json");
        EVENTS.put("DelayWakerFunction", "wake-up.json");
        EVENTS.put("ApiFunction", "api-get-flow.json");
        EVENTS.put("FlowActivationFunction", "flow-activation.json");
    }

    /** The memory of the function whose handler the benchmarks name {@code handler}, e.g. action-executor. */
    int memoryMbOf(String handler) {
        String name = Pattern.compile("(^|-)(\\w)").matcher(handler).replaceAll(m -> m.group(2).toUpperCase(Locale.ROOT))
                + "Function";
        return functions.stream().filter(function -> function.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("template.yaml has no " + name)).memoryMb();
    }

    private static final Pattern RESOURCE = Pattern.compile("^  (\\w+):\\s*$");
    private static final Pattern SETTING = Pattern.compile("^\\s+(CodeUri|Handler|MemorySize|JAVA_TOOL_OPTIONS):\\s*(.+?)\\s*$");

    /** Reads {@code template.yaml} in the repository {@code root}. */
    static DeployedFunctions of(Path root) throws IOException {
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        String resource = "Globals";
        for (String line : Files.readAllLines(root.resolve("template.yaml"))) {
            Matcher name = RESOURCE.matcher(line);
            if (name.matches()) {
                resource = name.group(1);
            }
            Matcher setting = SETTING.matcher(line);
            if (setting.matches()) {
                settings.computeIfAbsent(resource, r -> new LinkedHashMap<>()).put(setting.group(1), setting.group(2));
            }
        }
        Map<String, String> globals = settings.getOrDefault("Function", Map.of());
        List<Function> functions = new ArrayList<>();
        EVENTS.forEach((function, event) -> {
            Map<String, String> own = settings.get(function);
            if (own == null || !own.containsKey("CodeUri") || !own.containsKey("Handler")) {
                throw new IllegalStateException("template.yaml has no CodeUri and Handler for " + function);
            }
            functions.add(new Function(function, root.resolve(own.get("CodeUri")),
                    own.get("Handler").replaceFirst("::.*", ""), root.resolve("events").resolve(event),
                    Integer.parseInt(own.getOrDefault("MemorySize", globals.getOrDefault("MemorySize", "512")))));
        });
        return new DeployedFunctions(globals.getOrDefault("JAVA_TOOL_OPTIONS", ""), functions);
    }
}
