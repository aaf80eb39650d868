package dev.flowline.functions.flowactivation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.AwsEngines;
import dev.flowline.aws.lambda.HandlerLogs;
import dev.flowline.aws.lambda.SnapStartPriming;
import dev.flowline.aws.lambda.SqsBatch;
import dev.flowline.aws.sqs.QueuedSegment;
import dev.flowline.engine.activation.Activation;
import dev.flowline.engine.activation.Segment;

import java.util.Map;

/**
 * The activation queue: segments of "enrol the contacts that already match" ({@link Activation}), each run on the
 * engine of the account it names. A message that names no account, or neither a flow nor a journey, is a poison
 * message.
 */
public final class FlowActivationHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    static final String NAME = "flow-activation";

    private final AwsEngines engines;
    private final SqsBatch batch;
    private final SqsBatch.RecordHandler<QueuedSegment> records = new SqsBatch.RecordHandler<>() {

        @Override
        public QueuedSegment decode(String body) {
            return QueuedSegment.parse(body);
        }

        @Override
        public Map<String, String> logFields(QueuedSegment queued) {
            Segment segment = queued.segment();
            return Map.of("account", queued.account().id(),
                    segment.journeyId() == null ? "flowId" : "journeyId",
                    segment.journeyId() == null ? segment.flowId() : segment.journeyId(),
                    "segment", String.valueOf(segment.segment()));
        }

        @Override
        public void handle(QueuedSegment queued) {
            engines.of(queued.account()).engine().activation().run(queued.segment());
        }
    };

    public FlowActivationHandler() {
        this(SnapStartPriming.registered(AwsEngine.fromEnvironment()));
    }

    public FlowActivationHandler(AwsEngine engine) {
        this.engines = new AwsEngines(engine);
        this.batch = new SqsBatch(NAME, engine.sqs(), engine.config().deadLetterQueueUrl(), engine.metrics());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return HandlerLogs.around(context, () -> batch.run(event, context, records));
    }
}
