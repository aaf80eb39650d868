package dev.flowline.aws.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.AwsEngines;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.aws.SampleFlows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static dev.flowline.aws.SampleFlows.delayDays;
import static dev.flowline.aws.SampleFlows.flow;
import static org.assertj.core.api.Assertions.assertThat;

/** The events the goal checker watches go to its queue ten, and 256 KiB, to a request at the most. */
@ExtendWith(EmbeddedAws.class)
class GoalQueueForwardingTest {

    private final List<Integer> batchSizes = new ArrayList<>();

    private static String event(int n, int padding) {
        return """
                {"version":"0","id":"e%d","detail-type":"contact.changed","source":"flowline.crm","detail":{
                 "id":"d%d","contactId":"51","causes":[],"properties":["lifecyclestage"],"note":"%s"}}"""
                .formatted(n, n, "x".repeat(padding));
    }

    private static SQSEvent.SQSMessage message(int n, String body) {
        var message = new SQSEvent.SQSMessage();
        message.setMessageId("m" + n);
        message.setBody(body);
        return message;
    }

    /** Sends on for an account with a flow with a goal, counting the entries of each request. */
    private Set<String> forward(EmbeddedAws.Environment aws, List<SQSEvent.SQSMessage> messages) {
        AwsEngine engine = aws.engine().build();
        engine.engine().ports().flows().save(flow("1001", SampleFlows.MANUAL, SampleFlows.CUSTOMER,
                delayDays("1", null, 3)));
        var engines = new AwsEngines(engine);
        try (SqsClient counted = aws.clients().withInterceptors(new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof SendMessageBatchRequest send) {
                    batchSizes.add(send.entries().size());
                }
            }
        }).sqs()) {
            return new GoalQueueForwarding(engines, new ContactEventRecords(engines, (e, event) -> true,
                    (e, change) -> { }), counted, aws.config().goalQueueUrl()).forward(messages);
        }
    }

    @Test
    void twelveEventsGoInTwoRequestsAndAnUndecodableMessageIsLeftToTheBatch(EmbeddedAws.Environment aws) {
        var messages = new ArrayList<>(IntStream.range(0, 12).mapToObj(n -> message(n, event(n, 0))).toList());
        messages.add(message(12, "{ not JSON"));

        assertThat(forward(aws, messages)).isEmpty();
        assertThat(batchSizes).containsExactly(10, 2);
        assertThat(aws.drain(aws.config().goalQueueUrl())).extracting(Message::body)
                .containsExactlyInAnyOrderElementsOf(messages.subList(0, 12).stream().map(SQSEvent.SQSMessage::getBody)
                        .toList());
    }

    @Test
    void largeEventsAreSplitSoThatNoRequestCarriesMoreThan256KiB(EmbeddedAws.Environment aws) {
        var messages = IntStream.range(0, 3).mapToObj(n -> message(n, event(n, 100 * 1024))).toList();

        assertThat(forward(aws, messages)).isEmpty();
        assertThat(batchSizes).containsExactly(2, 1);
        assertThat(aws.drain(aws.config().goalQueueUrl())).hasSize(3);
    }
}
