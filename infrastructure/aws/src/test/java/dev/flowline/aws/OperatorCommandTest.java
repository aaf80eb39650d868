package dev.flowline.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flowline.aws.dynamodb.FlowlineTables;
import dev.flowline.aws.emulator.Moto;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How an operators' command finds its deployment: a stack's outputs, or the variables that name its tables. */
class OperatorCommandTest {

    @Test
    void everyTableAndQueueOfTheTemplateIsAStackOutputThatGivesItsVariable() throws IOException {
        JsonNode template = new ObjectMapper(new YAMLFactory()).readTree(Path.of("../../template.yaml").toFile());
        var outputs = new LinkedHashMap<String, String>();
        template.path("Outputs").properties().forEach(output ->
                outputs.put(output.getKey(), output.getValue().path("Value").asText()));
        var notOutput = new ArrayList<String>();
        template.path("Resources").properties().forEach(resource -> {
            String type = resource.getValue().path("Type").asText();
            if ((type.equals("AWS::DynamoDB::Table") || type.equals("AWS::SQS::Queue"))
                    && !outputs.containsValue(resource.getKey())) {
                notOutput.add(resource.getKey());
            }
        });

        assertThat(notOutput).isEmpty();
        assertThat(StackOutputs.variables(outputs)).containsKeys("FLOWLINE_STEP_QUEUE_URL",
                "FLOWLINE_ACTIVATION_QUEUE_URL", "FLOWLINE_BUS_NAME")
                .containsAllEntriesOf(FlowlineTables.fromEnvironment(Map.of()).environment().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey,
                                e -> template.path("Outputs").path(outputName(e.getKey())).path("Value").asText())));
    }

    /** {@code FLOWLINE_TOKENS_TABLE}: {@code TokensTableName}. */
    private static String outputName(String variable) {
        String kind = variable.replaceFirst("^FLOWLINE_", "").replaceFirst("_TABLE$", "").toLowerCase();
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + "TableName";
    }

    @Test
    void theStackNamedOrTheDefaultOneGivesTheVariablesThatAreNotSetExplicitly() {
        var asked = new ArrayList<String>();
        Map<String, String> outputs = Map.of("TokensTableName", "flowline-TokensTable-1X", "FlowsTableName",
                "flowline-FlowsTable-2Y", "StepDeadLetterQueueUrl", "https://sqs/1/dlq", "ApiUrl", "https://api/");

        Map<String, String> fromDefault = OperatorCommand.environment(Map.of("HOME", "/root"), stack -> {
            asked.add(stack);
            return outputs;
        });
        Map<String, String> explicit = OperatorCommand.environment(Map.of("FLOWLINE_STACK", "staging",
                "FLOWLINE_FLOWS_TABLE", "mine"), stack -> {
            asked.add(stack);
            return outputs;
        });

        assertThat(asked).containsExactly("flowline", "staging");
        assertThat(fromDefault).containsEntry("FLOWLINE_TOKENS_TABLE", "flowline-TokensTable-1X")
                .containsEntry("FLOWLINE_STEP_DEAD_LETTER_QUEUE_URL", "https://sqs/1/dlq").hasSize(4);
        assertThat(explicit).containsEntry("FLOWLINE_FLOWS_TABLE", "mine");
    }

    @Test
    void tablesNamedByVariablesOrAnEmulatorNeedNoStack() {
        List<Map<String, String>> named = List.of(Map.of("FLOWLINE_TOKENS_TABLE", "t"),
                Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"));
        for (Map<String, String> env : named) {
            assertThat(OperatorCommand.environment(env, stack -> {
                throw new AssertionError("no stack should be read");
            })).isEqualTo(env);
        }
    }

    @Test
    void aFailureIsOneLine() {
        var refused = SdkClientException.create("User is not authorized to perform: dynamodb:PutItem\n"
                + "  on resource: flowline-tokens");
        var noCredentials = SdkClientException.create("Unable to load credentials from any of the providers in the "
                + "chain AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(), ...]");

        assertThat(OperatorCommand.oneLine(new IllegalStateException(null, refused))).isEqualTo(
                "User is not authorized to perform: dynamodb:PutItem on resource: flowline-tokens");
        assertThat(OperatorCommand.oneLine(noCredentials)).startsWith("no AWS credentials found");
        assertThat(OperatorCommand.oneLine(ResourceNotFoundException.builder().message("Requested resource not found "
                + "(Service: DynamoDb, Status Code: 400)").build())).isEqualTo("a table of the deployment is not there "
                + "(Requested resource not found): check the region, FLOWLINE_STACK or the FLOWLINE_*_TABLE variables");
    }

    @Test
    void theOutputsOfAStackAreReadFromCloudFormation() {
        Moto moto = Moto.fromEnvironment();
        moto.unavailableBecause().ifPresent(Assumptions::abort);
        AwsClients clients = moto.clients();
        String template = """
                {"Resources":{"Tokens":{"Type":"AWS::DynamoDB::Table","Properties":{
                  "BillingMode":"PAY_PER_REQUEST",
                  "AttributeDefinitions":[{"AttributeName":"tokenHash","AttributeType":"S"}],
                  "KeySchema":[{"AttributeName":"tokenHash","KeyType":"HASH"}]}}},
                 "Outputs":{"TokensTableName":{"Value":{"Ref":"Tokens"}}}}""";
        var cloudFormation = new SignedPost(UrlConnectionHttpClient.create(), moto.endpoint(), "cloudformation",
                Region.US_EAST_1, StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        String stack = "outputs-" + UUID.randomUUID();
        String createStack = "Action=CreateStack&Version=2010-05-15&StackName=" + stack + "&TemplateBody="
                + URLEncoder.encode(template, StandardCharsets.UTF_8);
        assertThat(cloudFormation.send(Map.of("Content-Type", "application/x-www-form-urlencoded"),
                createStack.getBytes(StandardCharsets.UTF_8), "CreateStack").status()).isEqualTo(200);

        Map<String, String> outputs = clients.stackOutputs(stack);

        assertThat(outputs).containsOnlyKeys("TokensTableName");
        assertThat(StackOutputs.variables(outputs).get("FLOWLINE_TOKENS_TABLE")).isNotBlank();
        assertThatThrownBy(() -> clients.stackOutputs("no-such-stack"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-stack");
    }
}
