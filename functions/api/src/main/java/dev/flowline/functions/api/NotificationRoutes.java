package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.Engine;
import dev.flowline.engine.Page;
import dev.flowline.engine.action.Notification;
import dev.flowline.engine.action.Notifier;
import dev.flowline.engine.json.FlowlineJson;

import java.time.Clock;
import java.util.List;

/**
 * Each user's in-app notifications (action {@code 0-9}), which HubSpot shows in its bell menu:
 * {@code GET /flowline/v1/notifications?userId=…}, newest first, in pages, and marking one read.
 */
final class NotificationRoutes implements Routes {

    private static final String BASE = FlowlineRoutes.PREFIX + "/notifications";

    private final Clock clock;
    private final Notifier notifier;

    NotificationRoutes(Engine engine) {
        this.clock = engine.ports().clock();
        this.notifier = engine.ports().notifier();
    }

    @Override
    public void register(Router router) {
        router.get(BASE, this::inbox).post(BASE + "/{notificationId}/read", this::markRead);
    }

    private ApiResponse inbox(ApiRequest request) {
        String after = request.queryParameter("after").orElse(null);
        if (after != null && after.length() > Router.MAX_PARAMETER_LENGTH) {
            throw ApiException.invalid("after is too long", List.of(new ApiError("after", "no notification id is "
                    + "longer than " + Router.MAX_PARAMETER_LENGTH + " characters")));
        }
        Page<Notification> page = notifier.inbox(userId(request), after, Paging.limit(request, 20, 100));
        ObjectNode body = FlowlineJson.mapper().createObjectNode();
        var results = body.putArray("results");
        for (Notification note : page.items()) {
            results.addObject().put("id", note.id()).put("userId", note.userId()).put("flowId", note.flowId())
                    .put("contactId", note.contactId()).put("subject", note.subject()).put("body", note.body())
                    .put("createdAt", note.createdAt().toString()).put("read", note.read())
                    .put("readAt", note.read() ? note.readAt().toString() : null);
        }
        Paging.next(body, page.next());
        return ApiResponse.ok(body);
    }

    private ApiResponse markRead(ApiRequest request) {
        String id = request.pathParameter("notificationId");
        String userId = userId(request);
        if (!notifier.markRead(userId, id, clock.instant())) {
            throw ApiException.notFound("User " + userId + " has no notification " + id);
        }
        return ApiResponse.noContent();
    }

    /** The user, required; an id no longer than a path parameter, as user ids are keys. */
    private static String userId(ApiRequest request) {
        String userId = request.queryParameter("userId").filter(id -> !id.isBlank()).orElseThrow(() -> ApiException
                .invalid("userId is required: whose notifications", List.of(new ApiError("userId", "userId is required"))));
        if (userId.length() > Router.MAX_PARAMETER_LENGTH) {
            throw ApiException.invalid("userId is too long", List.of(new ApiError("userId",
                    "a user id has at most " + Router.MAX_PARAMETER_LENGTH + " characters")));
        }
        return userId;
    }
}
