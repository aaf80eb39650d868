package dev.flowline.functions.goalchecker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.AwsEngines;
import dev.flowline.aws.lambda.ContactEventRecords;
import dev.flowline.aws.lambda.HandlerLogs;
import dev.flowline.aws.lambda.SnapStartPriming;
import dev.flowline.aws.lambda.SqsBatch;

/**
 * Contact changes and activity events, as the bus gave them to the trigger evaluator, which sends on those of accounts
 * whose flows or journeys this watches ({@code GoalQueueForwarding}): goals met, suppression lists joined, events that
 * end a "delay until event".
 */
public final class GoalCheckerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    static final String NAME = "goal-checker";

    private final SqsBatch batch;
    private final ContactEventRecords records;

    public GoalCheckerHandler() {
        this(SnapStartPriming.registered(AwsEngine.fromEnvironment()));
    }

    public GoalCheckerHandler(AwsEngine engine) {
        this.batch = new SqsBatch(NAME, engine.sqs(), engine.config().deadLetterQueueUrl(), engine.metrics());
        this.records = new ContactEventRecords(new AwsEngines(engine),
                (ofAccount, event) -> ofAccount.engine().goals().watchesChanges(),
                (ofAccount, change) -> ofAccount.engine().goals().onChange(change.after(), change.events()));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return HandlerLogs.around(context, () -> batch.run(event, context, records));
    }
}
