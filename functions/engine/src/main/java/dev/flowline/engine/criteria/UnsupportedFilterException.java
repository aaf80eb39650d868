package dev.flowline.engine.criteria;

/**
 * A filter, operation or refine-by the engine does not evaluate. Thrown rather than treating it as false:
 * the validator rejects such definitions up front, so reaching this means a definition bypassed validation.
 */
public final class UnsupportedFilterException extends RuntimeException {

    public UnsupportedFilterException(String message) {
        super(message);
    }
}
