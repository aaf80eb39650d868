package dev.flowline.lambda.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LambdaJsonEncoderTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger logger = context.getLogger("dev.flowline.Handler");

    @Test
    void writesOneJsonObjectALineWithTheLambdaFieldsTypedAndTheOtherContextAsFields() throws Exception {
        var event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO, "step {} done", null,
                new Object[] {3});
        event.setMDCPropertyMap(Map.of("function_name", "flowline-actions", "cold_start", "true",
                "function_memory_size", "512", "function_request_id", "r-1", "enrolmentId", "1001:51:1"));

        String line = encode(event);

        assertThat(line).endsWith("}\n").doesNotContain("\n{");
        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("message").asText()).isEqualTo("step 3 done");
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
        var event = new LoggingEvent(Logger.class.getName(), logger, Level.ERROR, "the message failed", failure,
                null);

        JsonNode error = JsonMapper.builder().build().readTree(encode(event)).get("error");

        assertThat(error.get("name").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(error.get("message").asText()).isEqualTo("the \"queue\" refused\nthe batch");
        assertThat(error.get("stack").asText()).contains("LambdaJsonEncoderTest");
    }

    @Test
    void theServiceLoaderConfiguresTheRootLoggerWithTheJsonEncoderAtInfo() {
        var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(root.getAppender("json")).isInstanceOfSatisfying(ConsoleAppender.class,
                console -> assertThat(console.getEncoder()).isInstanceOf(LambdaJsonEncoder.class));
    }

    @Test
    void powertoolsSetsTheLevelOfEveryLogger() {
        var levels = new LogbackLevels();
        org.slf4j.Logger handler = LoggerFactory.getLogger("dev.flowline.functions.Handler");
        try {
            levels.setLogLevel(org.slf4j.event.Level.DEBUG);

            assertThat(levels.getLogLevel(handler)).isEqualTo(org.slf4j.event.Level.DEBUG);
            assertThat(handler.isDebugEnabled()).isTrue();
        } finally {
            levels.setLogLevel(org.slf4j.event.Level.INFO);
        }
        assertThat(handler.isDebugEnabled()).isFalse();
    }

    private String encode(LoggingEvent event) {
        var encoder = new LambdaJsonEncoder();
        encoder.setContext(context);
        encoder.start();
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }
}
