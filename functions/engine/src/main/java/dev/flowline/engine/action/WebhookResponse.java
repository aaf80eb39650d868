package dev.flowline.engine.action;

/**
 * What a webhook attempt got: an HTTP status and its {@code Retry-After} header (null when absent), or no
 * answer at all ({@code connectionError} set, status 0).
 */
public record WebhookResponse(int status, String retryAfter, String connectionError) {

    public static WebhookResponse status(int status) {
        return new WebhookResponse(status, null, null);
    }

    public static WebhookResponse status(int status, String retryAfter) {
        return new WebhookResponse(status, retryAfter, null);
    }

    public static WebhookResponse noAnswer(String connectionError) {
        return new WebhookResponse(0, null, connectionError);
    }

    public boolean answered() {
        return connectionError == null;
    }

    public String describe() {
        return answered() ? "the endpoint answered " + status : "no answer (" + connectionError + ")";
    }
}
