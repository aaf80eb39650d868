package dev.flowline.engine.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/** JSON that cannot be read into the model at all; carries the JSON Pointer of the offending spot. */
public final class InvalidJsonException extends RuntimeException {

    private final String pointer;

    public InvalidJsonException(JsonProcessingException cause) {
        super(cause.getOriginalMessage(), cause);
        this.pointer = cause instanceof JsonMappingException mapping ? pointerOf(mapping) : "";
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
