package dev.flowline.engine.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/** JSON that cannot be read into the model at all; carries the JSON Pointer of the offending spot. */
public final class InvalidJsonException extends RuntimeException {

    private final String pointer;

    public InvalidJsonException(JsonProcessingException cause) {
        super(cause.getOriginalMessage(), cause);
        this.pointer = switch (cause) {
            case JsonMappingException mapping -> pointerOf(mapping);
            // malformed JSON: where the parser was when it gave up
            case JsonParseException parse when parse.getProcessor() != null ->
                    parse.getProcessor().getParsingContext().pathAsPointer().toString();
            default -> "";
        };
    }

    public String pointer() {
        return pointer;
    }

    private static String pointerOf(JsonMappingException e) {
        var sb = new StringBuilder();
        for (var ref : e.getPath()) {
            sb.append('/');
            if (ref.getFieldName() != null) {
                sb.append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else {
                sb.append(ref.getIndex());
            }
        }
        return sb.toString();
    }
}
