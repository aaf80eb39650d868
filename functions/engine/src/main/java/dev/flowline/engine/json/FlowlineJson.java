package dev.flowline.engine.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.flowline.engine.criteria.CoalescingRefineBy;
import dev.flowline.engine.criteria.Filter;
import dev.flowline.engine.criteria.PropertyOperation;
import dev.flowline.engine.criteria.PruningRefineBy;
import dev.flowline.engine.criteria.TimePoint;
import dev.flowline.engine.definition.Action;
import dev.flowline.engine.definition.EnrollmentCriteria;

import java.io.UncheckedIOException;

/**
 * The one JSON mapper of the engine. It keeps HubSpot's JSON lossless: unknown fields land in each
 * record's {@code extras}, unknown union members are kept as raw trees, absent fields stay absent and
 * decimals keep their exact digits.
 */
public final class FlowlineJson {

    /** JSON nested deeper than this is refused while it is read, before it can exhaust the stack. */
    public static final int MAX_NESTING_DEPTH = 200;
    /** The longest string value read, in characters: a request body's limit, 1 MiB. */
    public static final int MAX_STRING_LENGTH = 1 << 20;

    private static final ObjectMapper MAPPER = JsonMapper.builder(new JsonFactoryBuilder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxStringLength(MAX_STRING_LENGTH)
                            .build())
                    // one field twice is ambiguous: refuse it rather than silently keep the last value
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addModule(unions())
            .build();

    private FlowlineJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            // a second document after the first is not part of the text's value: refuse the whole text
            return MAPPER.readerFor(type).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidJsonException(e);
        }
    }

    public static <T> T read(JsonNode json, Class<T> type) {
        try {
            return MAPPER.treeToValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidJsonException(e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    private static SimpleModule unions() {
        var module = new SimpleModule("flowline-unions");
        module.addDeserializer(Action.class, Action.UNION);
        module.addDeserializer(EnrollmentCriteria.class, EnrollmentCriteria.UNION);
        module.addDeserializer(Filter.class, Filter.UNION);
        module.addDeserializer(PropertyOperation.class, PropertyOperation.UNION);
        module.addDeserializer(TimePoint.class, TimePoint.UNION);
        module.addDeserializer(PruningRefineBy.class, PruningRefineBy.UNION);
        module.addDeserializer(CoalescingRefineBy.class, CoalescingRefineBy.UNION);
        return module;
    }
}
