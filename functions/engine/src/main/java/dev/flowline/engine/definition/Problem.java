package dev.flowline.engine.definition;

/**
 * One thing wrong with a flow definition.
 *
 * @param path    a JSON Pointer (RFC 6901) to the offending spot, e.g. {@code /actions/3/connection/nextActionId}
 * @param message what is wrong, in words a user understands
 */
public record Problem(String path, String message) {
}
