package dev.flowline.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.flowline.aws.accounts.Account;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;

/**
 * A queue's handler given each account's messages of a batch in turn, inside that account's {@link AccountScope}:
 * what lets the outbox know whose email it writes. The partial batch failures of the parts make the batch's. A
 * message whose account cannot be read goes with {@code unnamed}'s (the handler dead-letters a body it cannot
 * decode).
 */
record AccountScopedHandler(RequestHandler<SQSEvent, SQSBatchResponse> handler, AccountScope scope,
                            Function<String, Account> accountOf, Account unnamed)
        implements RequestHandler<SQSEvent, SQSBatchResponse> {

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        var byAccount = new LinkedHashMap<Account, List<SQSEvent.SQSMessage>>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            byAccount.computeIfAbsent(account(message.getBody()), account -> new ArrayList<>()).add(message);
        }
        var failures = new ArrayList<SQSBatchResponse.BatchItemFailure>();
        byAccount.forEach((account, messages) -> {
            var part = new SQSEvent();
            part.setRecords(messages);
            SQSBatchResponse response = scope.run(account, () -> handler.handleRequest(part, context));
            if (response != null && response.getBatchItemFailures() != null) {
                failures.addAll(response.getBatchItemFailures());
            }
        });
        return new SQSBatchResponse(failures);
    }

    private Account account(String body) {
        try {
            Account account = accountOf.apply(body);
            return account == null ? unnamed : account;
        } catch (RuntimeException undecodable) {
            return unnamed;
        }
    }
}
