package dev.flowline.functions.api;

/** One problem of a request, in the {@code errors[]} of an error body: where (a JSON Pointer) and what. */
public record ApiError(String in, String message) {
}
