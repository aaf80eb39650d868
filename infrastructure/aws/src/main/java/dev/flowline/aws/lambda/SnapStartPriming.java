package dev.flowline.aws.lambda;

import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.sqs.QueuedStep;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.StepMessage;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.ArrayList;
import java.util.List;

/**
 * SnapStart priming: before Lambda snapshots an initialised function, every SDK client built (without a snapshot,
 * each is built on its first request), one harmless request to DynamoDB and to SQS and a round trip of a flow and a step message through the JSON mapper load and compile what a first invocation
 * would otherwise pay for, so that the snapshot holds it warm. A request may be refused (no such item, no
 * permission): it still warms the client's marshalling, signing and HTTP path, and priming never stops the
 * snapshot. After a restore it gives the instance what must be its own.
 */
public final class SnapStartPriming implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
    /** CRaC holds resources weakly: the registered ones are kept here for the life of the function. */
    private static final List<SnapStartPriming> REGISTERED = new ArrayList<>();
    private static final String FLOW = """
            {"id":"0","revisionId":"1","type":"CONTACT_FLOW","objectTypeId":"0-1","flowType":"WORKFLOW",
             "isEnabled":false,"name":"priming","startActionId":"1","actions":[{"type":"SINGLE_CONNECTION",
             "actionId":"1","actionTypeVersion":0,"actionTypeId":"0-1","fields":{"delta":"1","time_unit":"DAYS"}}],
             "enrollmentCriteria":{"type":"LIST_BASED","listFilterBranch":{"filterBranchType":"OR",
               "filterBranchOperator":"OR","filters":[],"filterBranches":[{"filterBranchType":"AND",
               "filterBranchOperator":"AND","filterBranches":[],"filters":[{"filterType":"PROPERTY",
               "property":"lifecyclestage","operation":{"operationType":"ENUMERATION","operator":"IS_ANY_OF",
               "values":["lead"],"includeObjectsWithNoValueSet":false}}]}]},
               "reEnrollmentTriggersFilterBranches":[],"shouldReEnroll":false,"unEnrollObjectsNotMeetingCriteria":false},
             "timeWindows":[],"blockedDates":[],"customProperties":{},"suppressionListIds":[]}""";
    private static final String NO_ENROLMENT = "snapstart-priming";

    private final AwsEngine engine;

    public SnapStartPriming(AwsEngine engine) {
        this.engine = engine;
    }

    /**
     * The engine, to be primed before SnapStart takes its snapshot: a handler's constructor registers the
     * engine it builds. Where there is no snapshot (a JVM without CRaC), nothing happens.
     */
    public static synchronized AwsEngine registered(AwsEngine engine) {
        var priming = new SnapStartPriming(engine);
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
        return engine;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    /**
     * Every instance restored from the snapshot starts as the same one: the history writer id must differ. The
     * SDK clients need nothing: they open new connections when the snapshotted ones turn out closed.
     */
    @Override
    public void afterRestore(Context<? extends Resource> context) {
        engine.renewHistoryWriterId();
    }

    /** Each warming step on its own, so that one refused request does not skip the others. */
    void prime() {
        quietly("the JSON mapper", () -> {
            Flow.parse(Flow.parse(FLOW).toJson());
            var step = new QueuedStep(engine.account(), new StepMessage(NO_ENROLMENT, 0), List.of());
            QueuedStep.parse(step.toJson(), engine.account());
        });
        quietly("the SDK clients", engine::buildClients);
        quietly("DynamoDB", () -> engine.engine().ports().enrolments().find(NO_ENROLMENT));
        String stepQueue = engine.config().stepQueueUrl();
        if (stepQueue != null) {
            quietly("SQS", () -> engine.sqs().getQueueAttributes(request -> request.queueUrl(stepQueue)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)));
        }
    }

    private static void quietly(String what, Runnable warm) {
        try {
            warm.run();
        } catch (RuntimeException refused) {
            LOG.info("priming {} ended early: {}", what, refused.toString());
        }
    }
}
