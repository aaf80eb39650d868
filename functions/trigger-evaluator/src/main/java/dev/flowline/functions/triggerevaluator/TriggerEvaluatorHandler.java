package dev.flowline.functions.triggerevaluator;

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

/** Contact changes and activity events from the bus: enrolments, re-enrolments, unenrolments by triggers. */
public final class TriggerEvaluatorHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    static final String NAME = "trigger-evaluator";

    private final SqsBatch batch;
    private final ContactEventRecords records;

    public TriggerEvaluatorHandler() {
        this(SnapStartPriming.registered(AwsEngine.fromEnvironment()));
    }

    public TriggerEvaluatorHandler(AwsEngine engine) {
        this.batch = new SqsBatch(NAME, engine.sqs(), engine.config().deadLetterQueueUrl(), engine.metrics());
        this.records = new ContactEventRecords(new AwsEngines(engine),
                (ofAccount, change) -> ofAccount.engine().triggers().onChange(change));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return HandlerLogs.around(context, () -> batch.run(event, context, records));
    }
}
