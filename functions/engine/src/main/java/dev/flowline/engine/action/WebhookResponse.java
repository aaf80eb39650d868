package dev.flowline.engine.action;

/**
 * What a webhook attempt got: an HTTP status and its {@code Retry-After} header (null when absent); or no
 * answer at all ({@code connectionError} set, status 0), which is retried; or a call refused before it was
 * made ({@code refused}: a forbidden target, a malformed URL, a missing secret), which retrying cannot mend.
 */
public record WebhookResponse(int status, String retryAfter, String connectionError, boolean refused) {

    public static WebhookResponse status(int status) {
        return new WebhookResponse(status, null, null, false);
    }

    public static WebhookResponse status(int status, String retryAfter) {
        return new WebhookResponse(status, retryAfter, null, false);
    }

    public static WebhookResponse noAnswer(String connectionError) {
        return new WebhookResponse(0, null, connectionError, false);
    }

    public static WebhookResponse refused(String reason) {
        return new WebhookResponse(0, null, reason, true);
    }

    public boolean answered() {
        return connectionError == null;
    }

    public String describe() {
        return refused ? "not sent (" + connectionError + ")"
                : answered() ? "the endpoint answered " + status : "no answer (" + connectionError + ")";
    }
}
