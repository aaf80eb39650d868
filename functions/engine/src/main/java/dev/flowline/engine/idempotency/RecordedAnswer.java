package dev.flowline.engine.idempotency;

import dev.flowline.engine.action.WebhookResponse;

/**
 * A webhook's answer as the effects ledger keeps it: {@code 503}, {@code 429 120} (with Retry-After), none, or a
 * call refused before it was made. A claim kept before answers were recorded has an empty outcome: the call was
 * made, and is taken as answered 200.
 */
final class RecordedAnswer {

    private static final String NO_ANSWER = "no answer: ";
    private static final String REFUSED = "refused: ";

    private RecordedAnswer() {
    }

    static String of(WebhookResponse response) {
        if (response.refused()) {
            return REFUSED + response.connectionError();
        }
        if (!response.answered()) {
            return NO_ANSWER + response.connectionError();
        }
        return response.retryAfter() == null ? String.valueOf(response.status())
                : response.status() + " " + response.retryAfter();
    }

    static WebhookResponse read(String recorded) {
        if (recorded.isEmpty()) {
            return WebhookResponse.status(200);
        }
        if (recorded.startsWith(REFUSED)) {
            return WebhookResponse.refused(recorded.substring(REFUSED.length()));
        }
        if (recorded.startsWith(NO_ANSWER)) {
            return WebhookResponse.noAnswer(recorded.substring(NO_ANSWER.length()));
        }
        int space = recorded.indexOf(' ');
        return space < 0 ? WebhookResponse.status(Integer.parseInt(recorded))
                : WebhookResponse.status(Integer.parseInt(recorded.substring(0, space)), recorded.substring(space + 1));
    }
}
