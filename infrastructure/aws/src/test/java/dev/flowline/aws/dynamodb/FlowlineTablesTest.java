package dev.flowline.aws.dynamodb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(LocalDynamoDb.class)
class FlowlineTablesTest {

    @Test
    void tableNamesComeFromTheEnvironmentWithDefaults() {
        var tables = FlowlineTables.fromEnvironment(Map.of("FLOWLINE_ENROLMENTS_TABLE", "prod-enrolments"));

        assertThat(tables.enrolments()).isEqualTo("prod-enrolments");
        assertThat(tables.flows()).isEqualTo("flowline-flows");
        assertThat(tables.effects()).isEqualTo("flowline-effects");
    }

    @Test
    void creatingTablesThatExistChangesNothing(DynamoDbClient dynamo, FlowlineTables tables) {
        tables.create(dynamo);

        assertThat(dynamo.describeTable(b -> b.tableName(tables.enrolments())).table().globalSecondaryIndexes())
                .extracting(index -> index.indexName())
                .containsExactlyInAnyOrder("contact", "active", "due");
    }
}
