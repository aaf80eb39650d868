package dev.flowline.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.sqs.QueuedStep;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AccountScopedHandlerTest {

    private static final Account DEV = new Account("dev");

    @Test
    void eachAccountsMessagesAreHandledInThatAccountsScopeAndTheirFailuresKept() {
        var scope = new AccountScope();
        var seen = new ArrayList<String>();
        var handler = new AccountScopedHandler((event, context) -> {
            var failures = new ArrayList<SQSBatchResponse.BatchItemFailure>();
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                seen.add(message.getMessageId() + "@" + scope.current().map(Account::id).orElse("none"));
                if (message.getMessageId().equals("m2")) {
                    failures.add(new SQSBatchResponse.BatchItemFailure("m2"));
                }
            }
            return new SQSBatchResponse(failures);
        }, scope, body -> QueuedStep.parse(body, DEV).account(), DEV);

        SQSBatchResponse response = handler.handleRequest(event(Map.of(
                "m1", "{\"account\":\"acme\",\"enrolmentId\":\"e1\",\"sequence\":1}",
                "m2", "{\"account\":\"dev\",\"enrolmentId\":\"e2\",\"sequence\":1}",
                "m3", "{\"account\":\"acme\",\"enrolmentId\":\"e3\",\"sequence\":1}",
                "m4", "{\"enrolmentId\":\"e4\",\"sequence\":1}",
                "m5", "not json")), null);

        assertThat(seen).containsExactlyInAnyOrder("m1@acme", "m3@acme", "m2@dev", "m4@dev", "m5@dev");
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m2");
        assertThat(scope.current()).as("nothing left behind on the poller's thread").isEmpty();
    }

    private static SQSEvent event(Map<String, String> bodies) {
        var messages = new ArrayList<SQSEvent.SQSMessage>();
        new java.util.TreeMap<>(bodies).forEach((id, body) -> {
            var message = new SQSEvent.SQSMessage();
            message.setMessageId(id);
            message.setBody(body);
            messages.add(message);
        });
        var event = new SQSEvent();
        event.setRecords(List.copyOf(messages));
        return event;
    }
}
