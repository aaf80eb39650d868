package dev.flowline.local;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SqsException;

import java.util.ArrayList;
import java.util.List;

/**
 * Injects the SDK-level faults of a {@link FaultPlan} into every client it is added to. A throttled DynamoDB or
 * SES request fails before it is sent, on each attempt, so the SDK's retries see it as AWS would answer it. A
 * failed SQS batch send leaves one entry out and reports it failed, as SQS reports a partial failure; a single
 * send fails whole, without a retry.
 */
final class FaultInjector implements ExecutionInterceptor {

    private static final ExecutionAttribute<String> REFUSED_ENTRY = new ExecutionAttribute<>("flowline.refusedEntry");

    private final FaultPlan plan;

    FaultInjector(FaultPlan plan) {
        this.plan = plan;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        return switch (context.request()) {
            case SendMessageBatchRequest batch when batch.entries().size() > 1 && plan.inject(FaultPlan.Kind.SQS_SEND) -> {
                var entries = new ArrayList<>(batch.entries());
                SendMessageBatchRequestEntry refused = entries.removeLast();
                attributes.putAttribute(REFUSED_ENTRY, refused.id());
                yield batch.toBuilder().entries(entries).build();
            }
            case SendMessageBatchRequest batch when batch.entries().size() == 1 && plan.inject(FaultPlan.Kind.SQS_SEND) ->
                    throw sqsFailure();
            case SendMessageRequest single when plan.inject(FaultPlan.Kind.SQS_SEND) -> throw sqsFailure();
            default -> context.request();
        };
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (context.request() instanceof DynamoDbRequest && plan.inject(FaultPlan.Kind.DYNAMODB_THROTTLE)) {
            throw ProvisionedThroughputExceededException.builder().statusCode(400)
                    .message("The level of configured provisioned throughput for the table was exceeded (injected)")
                    .awsErrorDetails(error("ProvisionedThroughputExceededException", "DynamoDb")).build();
        }
        if (context.request() instanceof SendEmailRequest && plan.inject(FaultPlan.Kind.SES_THROTTLE)) {
            throw TooManyRequestsException.builder().statusCode(429)
                    .message("Maximum sending rate exceeded (injected)")
                    .awsErrorDetails(error("TooManyRequestsException", "SESv2")).build();
        }
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        String refused = attributes.getAttribute(REFUSED_ENTRY);
        if (refused == null || !(context.response() instanceof SendMessageBatchResponse response)) {
            return context.response();
        }
        var failed = new ArrayList<>(response.failed());
        failed.add(BatchResultErrorEntry.builder().id(refused).code("InternalError").senderFault(false)
                .message("injected send failure").build());
        return response.toBuilder().failed(List.copyOf(failed)).build();
    }

    private static SqsException sqsFailure() {
        return (SqsException) SqsException.builder().statusCode(500).message("injected send failure")
                .awsErrorDetails(error("InternalError", "Sqs")).build();
    }

    private static AwsErrorDetails error(String code, String service) {
        return AwsErrorDetails.builder().errorCode(code).serviceName(service).errorMessage(code + " (injected)").build();
    }
}
