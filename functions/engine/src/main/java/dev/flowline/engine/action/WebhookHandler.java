package dev.flowline.engine.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.PropertyValue;
import dev.flowline.engine.definition.QueryParam;
import dev.flowline.engine.definition.WebhookAction;
import dev.flowline.engine.json.FlowlineJson;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The webhook action: sends the contact, with its property history, to the endpoint. As HubSpot does
 * (reference 6.8): a 2xx succeeds; another 4xx than 429 fails at once; a 429 is retried after its
 * {@code Retry-After}; a 5xx or no answer is retried 1 minute later, then at doubling intervals of at most
 * 8 hours, and the action fails once the next try would fall more than 3 days after the first.
 * The attempt count, the first attempt's time and the delivery key ride in the enrolment's outputs for the
 * action between tries.
 */
final class WebhookHandler implements ActionHandler<WebhookAction> {

    static final String IDEMPOTENCY_HEADER = "X-Flowline-Idempotency-Key";
    static final Backoff BACKOFF = new Backoff(Duration.ofMinutes(1), Duration.ofHours(8));
    static final Duration GIVE_UP_AFTER = Duration.ofDays(3);
    /** A numeric Retry-After up to this is in seconds, as HTTP says; above, in milliseconds, as HubSpot's KB says. */
    static final long RETRY_AFTER_SECONDS_UP_TO = 3600;
    static final String STATUS = "webhook_status";
    static final String ATTEMPTS = "webhook_attempts";
    static final String FIRST_ATTEMPT_AT = "webhook_first_attempt_at";
    static final String DELIVERY_KEY = "webhook_delivery_key";

    private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private final WebhookCaller caller;

    WebhookHandler(WebhookCaller caller) {
        this.caller = caller;
    }

    @Override
    public StepResult execute(WebhookAction hook, ActionContext context) {
        if (hook.webhookUrl() == null || hook.webhookUrl().isBlank()) {
            return end(hook, StepResult.Outcome.failed("the webhook has no URL"), Map.of());
        }
        Map<String, String> state = context.enrolment().outputs().getOrDefault(hook.actionId(), Map.of());
        boolean retrying = state.containsKey(ATTEMPTS);
        int attempts = retrying ? Integer.parseInt(state.get(ATTEMPTS)) + 1 : 1;
        Instant first = retrying ? Instant.parse(state.get(FIRST_ATTEMPT_AT)) : context.now();
        String deliveryKey = retrying ? state.get(DELIVERY_KEY) : context.idempotencyKey();

        WebhookResponse response = caller.call(request(hook, context, deliveryKey));
        int status = response.status();
        Map<String, String> answer = Map.of(STATUS, String.valueOf(status));
        if (response.answered() && status >= 200 && status < 300) {
            return end(hook, StepResult.Outcome.succeeded(response.describe()), answer);
        }
        if (response.refused() || response.answered() && status != 429 && status < 500) {
            return end(hook, StepResult.Outcome.failed(response.describe() + ", which is not retried"), answer);
        }
        Instant retryAt = context.now().plus(status == 429
                ? retryAfter(response.retryAfter(), context.now()).orElse(BACKOFF.after(attempts))
                : BACKOFF.after(attempts));
        if (retryAt.isAfter(first.plus(GIVE_UP_AFTER))) {
            return end(hook, StepResult.Outcome.failed("gave up after " + attempts + " attempts over 3 days: "
                    + response.describe()), answer);
        }
        return new StepResult.Retry(retryAt, response.describe() + " on attempt " + attempts + ": retrying at " + retryAt,
                Map.of(ATTEMPTS, String.valueOf(attempts), FIRST_ATTEMPT_AT, first.toString(), DELIVERY_KEY, deliveryKey));
    }

    private static StepResult end(WebhookAction hook, StepResult.Outcome outcome, Map<String, String> outputs) {
        return new StepResult.Next(Branches.next(hook.connection()), null, outcome, outputs);
    }

    private static WebhookRequest request(WebhookAction hook, ActionContext context, String deliveryKey) {
        String method = hook.method() == null ? "POST" : hook.method().toUpperCase(Locale.ROOT);
        boolean withBody = METHODS_WITH_BODY.contains(method);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(IDEMPOTENCY_HEADER, deliveryKey);
        if (withBody) {
            headers.put("Content-Type", "application/json");
        }
        return new WebhookRequest(context.idempotencyKey(), method, url(hook, context), headers,
                withBody ? body(context.contact()) : null, hook.authSettings());
    }

    private static String url(WebhookAction hook, ActionContext context) {
        List<QueryParam> params = hook.queryParams() == null ? List.of() : hook.queryParams();
        var url = new StringBuilder(hook.webhookUrl());
        char separator = hook.webhookUrl().contains("?") ? '&' : '?';
        for (QueryParam param : params) {
            url.append(separator).append(encode(param.name())).append('=')
                    .append(encode(Values.resolve(param.value(), context).orElse("")));
            separator = '&';
        }
        return url.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8);
    }

    /** The contact as HubSpot's contact webhooks send it: each property's value and its versions, newest first. */
    static String body(Contact contact) {
        ObjectNode root = FlowlineJson.mapper().createObjectNode();
        root.put("objectId", contact.id());
        ObjectNode properties = root.putObject("properties");
        for (String name : new TreeSet<>(contact.propertyNames())) {
            ObjectNode property = properties.putObject(name);
            property.put("value", contact.value(name).orElse(""));
            var versions = property.putArray("versions");
            for (PropertyValue version : contact.history(name).reversed()) {
                versions.addObject()
                        .put("value", version.value() == null ? "" : version.value())
                        .put("timestamp", version.timestamp().toEpochMilli());
            }
        }
        return FlowlineJson.write(root);
    }

    /** A Retry-After of whole seconds or milliseconds (see {@link #RETRY_AFTER_SECONDS_UP_TO}), or an HTTP date. */
    static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        Duration wait;
        if (value.length() <= 15 && value.chars().allMatch(Character::isDigit)) {
            long amount = Long.parseLong(value);
            wait = amount <= RETRY_AFTER_SECONDS_UP_TO ? Duration.ofSeconds(amount) : Duration.ofMillis(amount);
        } else {
            try {
                wait = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.of(wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait);
    }
}
