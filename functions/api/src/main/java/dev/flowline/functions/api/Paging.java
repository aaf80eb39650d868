package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/** HubSpot's paging: {@code limit} and {@code after} in, {@code paging.next.after} out. */
final class Paging {

    private Paging() {
    }

    static int limit(ApiRequest request, int defaultLimit, int maxLimit) {
        Optional<String> limit = request.queryParameter("limit");
        try {
            int value = limit.map(Integer::parseInt).orElse(defaultLimit);
            if (value < 1 || value > maxLimit) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.invalid("limit must be a number from 1 to " + maxLimit,
                    List.of(new ApiError("limit", "limit must be a number from 1 to " + maxLimit)));
        }
    }

    static void next(ObjectNode body, Optional<String> after) {
        after.ifPresent(next -> body.putObject("paging").putObject("next").put("after", next));
    }
}
