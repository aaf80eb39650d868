package dev.flowline.functions.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.lambda.HandlerLogs;
import dev.flowline.aws.lambda.SnapStartPriming;
import dev.flowline.aws.lambda.SqsBatch;
import dev.flowline.engine.json.FlowlineJson;

import java.util.Map;

/** The activation queue: segments of "enrol the contacts that already match" ({@link FlowActivation}). */
public final class FlowActivationHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    static final String NAME = "flow-activation";

    private final SqsBatch batch;
    private final FlowActivation activation;

    public FlowActivationHandler() {
        this(SnapStartPriming.registered(AwsEngine.fromEnvironment()));
    }

    public FlowActivationHandler(AwsEngine engine) {
        this(engine, new FlowActivation(engine));
    }

    FlowActivationHandler(AwsEngine engine, FlowActivation activation) {
        this.batch = new SqsBatch(NAME, engine.sqs(), engine.config().deadLetterQueueUrl());
        this.activation = activation;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return HandlerLogs.around(context, () -> batch.run(event, new SqsBatch.RecordHandler<FlowActivation.Segment>() {
            @Override
            public FlowActivation.Segment decode(String body) {
                return FlowlineJson.read(body, FlowActivation.Segment.class);
            }

            @Override
            public Map<String, String> logFields(FlowActivation.Segment segment) {
                return Map.of("account", segment.account(), segment.journeyId() == null ? "flowId" : "journeyId",
                        segment.journeyId() == null ? segment.flowId() : segment.journeyId(),
                        "segment", String.valueOf(segment.segment()));
            }

            @Override
            public void handle(FlowActivation.Segment segment) {
                activation.run(segment);
            }
        }));
    }
}
