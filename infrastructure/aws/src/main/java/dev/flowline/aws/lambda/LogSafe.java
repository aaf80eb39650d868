package dev.flowline.aws.lambda;

import java.util.ArrayList;

/**
 * What may be logged of a failure when debug logging is off. Exception messages can quote what they failed on
 * (an SES rejection names the address, a JSON error quotes the body), so only the exception types and the code
 * they were thrown from are logged; with debug on, the whole exception is.
 */
public final class LogSafe {

    private LogSafe() {
    }

    /** {@code failure}'s type and first frame, then each cause's, without their messages. */
    public static String describe(Throwable failure) {
        var parts = new ArrayList<String>();
        for (Throwable t = failure; t != null && parts.size() < 8; t = t.getCause()) {
            StackTraceElement[] frames = t.getStackTrace();
            parts.add(t.getClass().getName() + (frames.length == 0 ? "" : " at " + frames[0]));
        }
        return String.join(", caused by ", parts);
    }

    /** A poison message's reason up to its first colon: what follows quotes the message. */
    public static String reason(String reason) {
        int colon = reason.indexOf(':');
        return colon < 0 ? reason : reason.substring(0, colon) + " (details with debug logging)";
    }
}
