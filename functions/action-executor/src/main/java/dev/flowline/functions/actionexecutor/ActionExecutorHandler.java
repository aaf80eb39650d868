package dev.flowline.functions.actionexecutor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.lambda.HandlerLogs;
import dev.flowline.aws.lambda.PoisonMessageException;
import dev.flowline.aws.lambda.SqsBatch;
import dev.flowline.aws.messaging.CauseChain;
import dev.flowline.aws.messaging.QueuedStep;

import java.util.Map;

/**
 * Step messages from the step queue: runs each enrolment's next action. The engine advances the enrolment with a
 * conditional write, so a duplicate or stale message does nothing; a message for an enrolment that does not exist
 * is a poison message.
 */
public final class ActionExecutorHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    static final String NAME = "action-executor";

    private final AwsEngine engine;
    private final SqsBatch batch;
    private final SqsBatch.RecordHandler<QueuedStep> records = new SqsBatch.RecordHandler<>() {

        @Override
        public QueuedStep decode(String body) {
            QueuedStep step = QueuedStep.parse(body);
            if (step.step().enrolmentId().isEmpty()) {
                throw new IllegalArgumentException("the step names no enrolment");
            }
            return step;
        }

        @Override
        public Map<String, String> logFields(QueuedStep step) {
            return Map.of("enrolmentId", step.step().enrolmentId(), "sequence", String.valueOf(step.step().sequence()));
        }

        @Override
        public void handle(QueuedStep step) {
            if (engine.enrolments().find(step.step().enrolmentId()).isEmpty()) {
                throw new PoisonMessageException("there is no enrolment " + step.step().enrolmentId());
            }
            try (var chain = CauseChain.open(step.causes())) {
                engine.steps().run(step.step());
            }
        }
    };

    public ActionExecutorHandler() {
        this(AwsEngine.fromEnvironment());
    }

    public ActionExecutorHandler(AwsEngine engine) {
        this.engine = engine;
        this.batch = new SqsBatch(NAME, engine.sqs(), engine.config().deadLetterQueueUrl());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return HandlerLogs.around(context, () -> batch.run(event, records));
    }
}
