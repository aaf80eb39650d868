package dev.flowline.functions.api;

import java.util.List;

/**
 * A request that cannot be served, answered in HubSpot's error shape. Thrown before anything is written, so
 * a failed request leaves nothing half-done.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String category;
    private final List<ApiError> errors;

    public ApiException(int status, String category, String message, List<ApiError> errors) {
        super(message);
        this.status = status;
        this.category = category;
        this.errors = List.copyOf(errors);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "VALIDATION_ERROR", message, List.of());
    }

    public static ApiException invalid(String message, List<ApiError> errors) {
        return new ApiException(400, "VALIDATION_ERROR", message, errors);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "OBJECT_NOT_FOUND", message, List.of());
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "CONFLICT", message, List.of());
    }

    public int status() {
        return status;
    }

    public String category() {
        return category;
    }

    public List<ApiError> errors() {
        return errors;
    }
}
