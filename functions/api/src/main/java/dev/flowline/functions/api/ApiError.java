package dev.flowline.functions.api;

/**
 * One problem of a request, in the {@code errors[]} of an error body: where (a JSON Pointer), what, and for the
 * problems HubSpot names, its code ({@code INVALID_EMAIL}, {@code PROPERTY_DOESNT_EXIST}), else null.
 */
public record ApiError(String in, String message, String code) {

    public static final String INVALID_EMAIL = "INVALID_EMAIL";
    public static final String PROPERTY_DOESNT_EXIST = "PROPERTY_DOESNT_EXIST";

    public ApiError(String in, String message) {
        this(in, message, null);
    }
}
