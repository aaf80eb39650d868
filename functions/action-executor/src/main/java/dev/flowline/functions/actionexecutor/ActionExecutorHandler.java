package dev.flowline.functions.actionexecutor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.AwsEngines;
import dev.flowline.aws.lambda.HandlerLogs;
import dev.flowline.aws.lambda.SnapStartPriming;
import dev.flowline.aws.lambda.SqsBatch;
import dev.flowline.aws.eventbridge.CauseChain;
import dev.flowline.aws.sqs.QueuedStep;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Step messages from the step queue: runs each enrolment's next action. The engine advances the enrolment with a
 * conditional write, so a duplicate or stale message does nothing; so does a message for an enrolment that no
 * longer exists (its contact was erased by a privacy deletion). Each step runs on the engine of the account it
 * names.
 */
public final class ActionExecutorHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    static final String NAME = "action-executor";
    private static final Logger LOG = LoggerFactory.getLogger(ActionExecutorHandler.class);

    private final AwsEngines engines;
    private final SqsBatch batch;
    private final SqsBatch.RecordHandler<QueuedStep> records = new SqsBatch.RecordHandler<>() {

        @Override
        public QueuedStep decode(String body) {
            QueuedStep step = QueuedStep.parse(body, engines.config().defaultAccount());
            if (step.step().enrolmentId().isEmpty()) {
                throw new IllegalArgumentException("the step names no enrolment");
            }
            return step;
        }

        @Override
        public Map<String, String> logFields(QueuedStep step) {
            return Map.of("account", step.account().id(), "enrolmentId", step.step().enrolmentId(),
                    "sequence", String.valueOf(step.step().sequence()));
        }

        @Override
        public void handle(QueuedStep step) {
            AwsEngine engine = engines.of(step.account());
            try (var chain = CauseChain.open(step.causes())) {
                if (!engine.engine().steps().run(step.step())) {
                    LOG.info("the step's enrolment does not exist (any longer): nothing to do");
                }
            }
        }
    };

    public ActionExecutorHandler() {
        this(SnapStartPriming.registered(AwsEngine.fromEnvironment()));
    }

    public ActionExecutorHandler(AwsEngine engine) {
        this.engines = new AwsEngines(engine);
        this.batch = new SqsBatch(NAME, engine.sqs(), engine.config().deadLetterQueueUrl(), engine.metrics());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return HandlerLogs.around(context, () -> batch.run(event, context, records));
    }
}
