package dev.flowline.lambda.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import org.slf4j.helpers.MessageFormatter;
import software.amazon.lambda.powertools.logging.internal.PowertoolsLoggedFields;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * One log event as one JSON object on a line, with the fields of Powertools' Lambda JSON layout: level, message,
 * error (message, name, stack), the Lambda fields Powertools puts in the MDC (cold start, function, request
 * id...), timestamp, then every other MDC entry (account, enrolment id...) as a field of its own.
 */
final class LambdaJsonLine {

    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final List<String> LAMBDA_FIELDS = PowertoolsLoggedFields.stringValues();

    private LambdaJsonLine() {
    }

    static String of(Level level, String pattern, Object[] arguments, Throwable error) {
        var line = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("level", level.name());
            json.writeStringField("message", MessageFormatter.basicArrayFormat(pattern, arguments));
            if (error != null) {
                writeError(json, error);
            }
            Map<String, String> mdc = MDC.getCopyOfContextMap();
            for (String field : LAMBDA_FIELDS) {
                String value = mdc.get(field);
                if (value != null) {
                    writeLambdaField(json, field, value);
                }
            }
            json.writeStringField("timestamp", TIMESTAMP.format(Instant.now()));
            for (var entry : mdc.entrySet()) {
                if (!LAMBDA_FIELDS.contains(entry.getKey())) {
                    json.writeStringField(entry.getKey(), entry.getValue());
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line.append('\n').toString();
    }

    private static void writeError(JsonGenerator json, Throwable error) throws IOException {
        var stack = new StringWriter();
        error.printStackTrace(new PrintWriter(stack));
        json.writeObjectFieldStart("error");
        json.writeStringField("message", error.getMessage());
        json.writeStringField("name", error.getClass().getName());
        json.writeStringField("stack", stack.toString());
        json.writeEndObject();
    }

    /** As Powertools types them: the cold start a boolean, the memory size and sampling rate numbers. */
    private static void writeLambdaField(JsonGenerator json, String field, String value) throws IOException {
        json.writeFieldName(field);
        if (field.equals(PowertoolsLoggedFields.FUNCTION_COLD_START.getName())) {
            json.writeBoolean(Boolean.parseBoolean(value));
        } else if (isNumber(field) && value.matches("-?\\d+(\\.\\d+)?")) {
            json.writeNumber(value);
        } else {
            json.writeString(value);
        }
    }

    private static boolean isNumber(String field) {
        return field.equals(PowertoolsLoggedFields.FUNCTION_MEMORY_SIZE.getName())
                || field.equals(PowertoolsLoggedFields.SAMPLING_RATE.getName());
    }
}
