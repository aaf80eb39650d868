package dev.flowline.local;

import dev.flowline.aws.AwsClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.model.Message;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The emulators' file modes: what a restart of the local runtime on its data folder finds again. */
class EmbeddedEmulatorsTest {

    @TempDir
    Path data;

    @Test
    void itemsQueuesAndWaitingAndDelayedMessagesSurviveARestartOnTheDataFolder() throws Exception {
        try (var emulators = new EmbeddedEmulators(0, 0, data)) {
            var clients = clients(emulators);
            try (var dynamo = clients.dynamoDb(); var sqs = clients.sqs()) {
                dynamo.createTable(t -> t.tableName("kept").billingMode("PAY_PER_REQUEST")
                        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
                dynamo.putItem(p -> p.tableName("kept").item(Map.of("id", AttributeValue.fromS("ada"))));
                String url = sqs.createQueue(q -> q.queueName("kept")).queueUrl();
                sqs.sendMessage(m -> m.queueUrl(url).messageBody("waiting"));
                sqs.sendMessage(m -> m.queueUrl(url).messageBody("delayed").delaySeconds(2));
            }
        }

        try (var emulators = new EmbeddedEmulators(0, 0, data)) {
            var clients = clients(emulators);
            try (var dynamo = clients.dynamoDb(); var sqs = clients.sqs()) {
                assertThat(dynamo.getItem(g -> g.tableName("kept").key(Map.of("id", AttributeValue.fromS("ada"))))
                        .item()).containsKey("id");
                String url = sqs.getQueueUrl(q -> q.queueName("kept")).queueUrl();
                List<String> bodies = new java.util.ArrayList<>();
                for (int tries = 0; tries < 10 && bodies.size() < 2; tries++) {
                    for (Message message : sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                            .waitTimeSeconds(1)).messages()) {
                        bodies.add(message.body());
                        sqs.deleteMessage(d -> d.queueUrl(url).receiptHandle(message.receiptHandle()));
                    }
                }
                assertThat(bodies).containsExactlyInAnyOrder("waiting", "delayed");
            }
        }
    }

    @Test
    void twoRuntimesCannotShareADataFolder() throws Exception {
        try (var first = new EmbeddedEmulators(0, 0, data)) {
            assertThatIllegalStateException().isThrownBy(() -> new EmbeddedEmulators(0, 0, data))
                    .withMessageContaining("in use");
        }
        // released when the first stopped
        new EmbeddedEmulators(0, 0, data).close();
    }

    private static AwsClients clients(EmbeddedEmulators emulators) {
        return AwsClients.emulatorAt(emulators.sqsEndpoint()).withDynamoDbAt(emulators.dynamoDbEndpoint());
    }
}
