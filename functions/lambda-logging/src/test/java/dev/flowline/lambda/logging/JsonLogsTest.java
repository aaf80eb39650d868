package dev.flowline.lambda.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLogsTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @AfterEach
    void clearContext() {
        MDC.clear();
    }

    @Test
    void writesOneJsonObjectALineWithTheLambdaFieldsTypedAndTheOtherContextAsFields() throws Exception {
        MDC.setContextMap(Map.of("function_name", "flowline-actions", "cold_start", "true",
                "function_memory_size", "512", "function_request_id", "r-1", "enrolmentId", "1001:51:1"));

        loggers("INFO").getLogger("dev.flowline.Handler").info("step {} of {} done", 3, "1001:51:1");

        String line = output();
        assertThat(line).endsWith("}\n").hasLineCount(1);
        JsonNode json = MAPPER.readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("message").asText()).isEqualTo("step 3 of 1001:51:1 done");
        assertThat(json.get("cold_start").isBoolean()).isTrue();
        assertThat(json.get("function_memory_size").intValue()).isEqualTo(512);
        assertThat(json.get("function_name").asText()).isEqualTo("flowline-actions");
        assertThat(json.get("function_request_id").asText()).isEqualTo("r-1");
        assertThat(json.get("enrolmentId").asText()).isEqualTo("1001:51:1");
        assertThat(json.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(json.has("error")).isFalse();
    }

    @Test
    void writesAnExceptionAsErrorWithItsTypeMessageAndStack() throws Exception {
        var failure = new IllegalStateException("the \"queue\" refused\nthe batch");

        loggers("INFO").getLogger("dev.flowline.Handler").error("the message failed", failure);

        JsonNode json = MAPPER.readTree(output());
        assertThat(json.get("message").asText()).isEqualTo("the message failed");
        JsonNode error = json.get("error");
        assertThat(error.get("name").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(error.get("message").asText()).isEqualTo("the \"queue\" refused\nthe batch");
        assertThat(error.get("stack").asText()).contains("JsonLogsTest");
    }

    @Test
    void logsFromTheLevelOfTheEnvironmentOrInfo() {
        var warn = loggers("warn").getLogger("dev.flowline.Handler");
        warn.info("not written");
        warn.warn("written");
        assertThat(output()).doesNotContain("not written").contains("written");

        assertThat(loggers(null).level()).isEqualTo(Level.INFO);
        assertThat(loggers("LOUD").level()).isEqualTo(Level.INFO);
        assertThat(loggers("DEBUG").getLogger("x").isDebugEnabled()).isTrue();
    }

    @Test
    void threadsStartedWithinAnInvocationDoNotCarryItsContext() throws Exception {
        MDC.put("function_request_id", "r-1");
        var seen = new AtomicReference<String>("unset");
        Thread pooled = new Thread(() -> seen.set(MDC.get("function_request_id")));
        pooled.start();
        pooled.join();

        assertThat(seen.get()).isNull();
        assertThat(MDC.get("function_request_id")).isEqualTo("r-1");
    }

    @Test
    void slf4jAndPowertoolsFindTheBackendAndPowertoolsSetsTheLevelOfEveryLogger() {
        assertThat(LoggerFactory.getILoggerFactory()).isSameAs(JsonLoggers.INSTANCE);
        var levels = new PowertoolsLevels();
        org.slf4j.Logger handler = LoggerFactory.getLogger("dev.flowline.functions.Handler");
        try {
            levels.setLogLevel(Level.DEBUG);

            assertThat(levels.getLogLevel(handler)).isEqualTo(Level.DEBUG);
            assertThat(handler.isDebugEnabled()).isTrue();
        } finally {
            levels.setLogLevel(Level.INFO);
        }
        assertThat(handler.isDebugEnabled()).isFalse();
    }

    private JsonLoggers loggers(String level) {
        return new JsonLoggers(new PrintStream(out, true, StandardCharsets.UTF_8), level);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
