package dev.flowline.engine.definition;

/** A JSON Pointer (RFC 6901) into a flow definition, built as the validator walks the model. */
record Pointer(String value) {

    static final Pointer ROOT = new Pointer("");

    Pointer field(String name) {
        return new Pointer(value + "/" + name.replace("~", "~0").replace("/", "~1"));
    }

    Pointer index(int index) {
        return new Pointer(value + "/" + index);
    }

    /** Appends a pointer that is already escaped, such as {@link Edge#path()}. */
    Pointer append(String pointer) {
        return new Pointer(value + pointer);
    }
}
