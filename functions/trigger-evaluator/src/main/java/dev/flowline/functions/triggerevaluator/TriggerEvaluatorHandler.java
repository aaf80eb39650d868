package dev.flowline.functions.triggerevaluator;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.AwsEngines;
import dev.flowline.aws.eventbridge.BusEvent;
import dev.flowline.aws.lambda.ContactEventRecords;
import dev.flowline.aws.lambda.GoalQueueForwarding;
import dev.flowline.aws.lambda.HandlerLogs;
import dev.flowline.aws.lambda.SnapStartPriming;
import dev.flowline.aws.lambda.SqsBatch;

/**
 * Contact changes and activity events from the bus: enrolments, re-enrolments, unenrolments by triggers; and the
 * events the goal checker watches, sent on to its queue ({@link GoalQueueForwarding}).
 */
public final class TriggerEvaluatorHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    static final String NAME = "trigger-evaluator";

    private final SqsBatch batch;
    private final ContactEventRecords records;
    private final GoalQueueForwarding goals;

    public TriggerEvaluatorHandler() {
        this(SnapStartPriming.registered(AwsEngine.fromEnvironment()));
    }

    public TriggerEvaluatorHandler(AwsEngine engine) {
        this.batch = new SqsBatch(NAME, engine.sqs(), engine.config().deadLetterQueueUrl(), engine.metrics());
        var engines = new AwsEngines(engine);
        this.records = new ContactEventRecords(engines, TriggerEvaluatorHandler::concerns,
                (ofAccount, change) -> ofAccount.engine().triggers().onChange(change));
        this.goals = new GoalQueueForwarding(engines, records, engine.sqs(), engine.config().goalQueueUrl());
    }

    /** Whether the event can enrol, unenrol or route its contact: when not, the contact is not read. */
    private static boolean concerns(AwsEngine engine, BusEvent event) {
        return engine.engine().journeyRouter().routesAny() || switch (event) {
            case BusEvent.ContactChanged changed -> engine.engine().triggers().concernsProperties(changed.properties());
            case BusEvent.ContactActivity activity -> engine.engine().triggers().concernsActivity(activity.event());
        };
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return HandlerLogs.around(context, () -> goals.around(event, () -> batch.run(event, context, records)));
    }
}
