package dev.flowline.lambda.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import software.amazon.lambda.powertools.logging.internal.PowertoolsLoggedFields;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * One JSON object a line, with the fields of Powertools' Lambda JSON layout: level, message, error (message,
 * name, stack), the Lambda fields Powertools puts in the MDC (cold start, function, request id...), timestamp,
 * then every other MDC entry (account, enrolment id...) as a field of its own.
 */
public final class LambdaJsonEncoder extends EncoderBase<ILoggingEvent> {

    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final List<String> LAMBDA_FIELDS = PowertoolsLoggedFields.stringValues();
    private static final byte[] NONE = new byte[0];

    @Override
    public byte[] headerBytes() {
        return NONE;
    }

    @Override
    public byte[] footerBytes() {
        return NONE;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        var line = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("level", event.getLevel().toString());
            json.writeStringField("message", event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                writeError(json, event.getThrowableProxy());
            }
            Map<String, String> mdc = event.getMDCPropertyMap();
            for (String field : LAMBDA_FIELDS) {
                String value = mdc.get(field);
                if (value != null) {
                    writeLambdaField(json, field, value);
                }
            }
            json.writeStringField("timestamp", TIMESTAMP.format(event.getInstant()));
            for (var entry : mdc.entrySet()) {
                if (!LAMBDA_FIELDS.contains(entry.getKey())) {
                    json.writeStringField(entry.getKey(), entry.getValue());
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        line.write('\n');
        return line.toByteArray();
    }

    private static void writeError(JsonGenerator json, IThrowableProxy error) throws IOException {
        json.writeObjectFieldStart("error");
        json.writeStringField("message", error.getMessage());
        json.writeStringField("name", error.getClassName());
        json.writeStringField("stack", ThrowableProxyUtil.asString(error));
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
