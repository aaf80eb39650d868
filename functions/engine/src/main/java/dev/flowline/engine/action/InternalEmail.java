package dev.flowline.engine.action;

import java.util.List;

/** An internal email notification (action {@code 0-8}) to users, teams or owners, tokens already replaced. */
public record InternalEmail(String idempotencyKey, String flowId, String contactId, List<String> userIds,
                            List<String> teamIds, List<String> ownerIds, String subject, String body) {
}
