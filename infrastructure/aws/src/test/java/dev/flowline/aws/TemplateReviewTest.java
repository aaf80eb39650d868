package dev.flowline.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reviews template.yaml: least-privilege IAM, a dead-letter queue behind every queue, point-in-time recovery on
 * every table. The YAML parser drops CloudFormation's short-form tags, so {@code !GetAtt StepQueue.Arn} reads as
 * {@code "StepQueue.Arn"} and {@code !Sub "..."} as its string.
 */
class TemplateReviewTest {

    private static final Path TEMPLATE = Path.of("../../template.yaml");

    /**
     * The wildcard resources Flowline needs, each scoped to resources of its own. Not in the template but added by
     * SAM to every function's role: AWSLambdaBasicExecutionRole, whose logs actions have the resource "*" (a
     * function creates its log group and streams by name at run time).
     */
    private static final Map<Pattern, String> NEEDED_WILDCARD_RESOURCES = Map.of(
            Pattern.compile("\\$\\{\\w+Table\\.Arn}/index/\\*"),
            "a table's secondary indexes: queries name the index, all of them belong to that table",
            Pattern.compile(Pattern.quote("arn:${AWS::Partition}:scheduler:${AWS::Region}:${AWS::AccountId}:"
                    + "schedule/${WakeUpScheduleGroup}/*")),
            "wake-up schedules are created at run time, one per due minute, all in Flowline's own group",
            Pattern.compile(Pattern.quote("arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:"
                    + "template/flowline-*")),
            "a marketing email is its account's SES template named by its content id, known only at run time; "
                    + "all of them are under Flowline's prefix",
            Pattern.compile(Pattern.quote("arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:"
                    + "secret:flowline/*/webhooks/*")),
            "a webhook names its secret at run time, in an account known only then; all of them are under "
                    + "Flowline's prefix (Secrets Manager adds a random suffix to each secret's ARN)",
            Pattern.compile(Pattern.quote("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:"
                    + "parameter/flowline/*/webhooks/*")),
            "a webhook names its secret at run time, in an account known only then; all of them are under "
                    + "Flowline's own path",
            Pattern.compile(Pattern.quote("arn:${AWS::Partition}:scheduler:${AWS::Region}:${AWS::AccountId}:"
                    + "schedule/${FlowScheduleGroup}/*")),
            "a flow's recurring schedules are created when it is saved, named by its account and id, all in "
                    + "Flowline's own group",
            Pattern.compile(Pattern.quote("arn:${AWS::Partition}:sms-voice:${AWS::Region}:${AWS::AccountId}:*")),
            "an SMS goes out from the configured origination identity, or one the service picks among the "
                    + "account's own when none is configured, with the configured configuration set");

    /** SAM policy templates that grant fixed, non-wildcard actions on the one resource they are given. */
    private static final Set<String> SCOPED_SAM_POLICIES = Set.of(
            "DynamoDBReadPolicy", "DynamoDBCrudPolicy", "SQSSendMessagePolicy", "SQSPollerPolicy");

    private static JsonNode template() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(TEMPLATE.toFile());
    }

    @Test
    void noPolicyGrantsAWildcardThatIsNotNeeded() throws IOException {
        assertThat(wildcards(template())).isEmpty();
    }

    @Test
    void everyQueueThatIsNotADeadLetterQueueHasOne() throws IOException {
        assertThat(queuesWithoutDeadLetterQueue(template())).isEmpty();
    }

    @Test
    void everyTableHasPointInTimeRecovery() throws IOException {
        assertThat(tablesWithoutPointInTimeRecovery(template())).isEmpty();
    }

    @Test
    void theReviewFindsEachKindOfProblem() throws IOException {
        JsonNode bad = new ObjectMapper(new YAMLFactory()).readTree("""
                Resources:
                  Work:
                    Type: AWS::SQS::Queue
                  Orphan:
                    Type: AWS::SQS::Queue
                    Properties:
                      RedrivePolicy: {deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 5}
                  Dlq:
                    Type: AWS::SQS::Queue
                  Contacts:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: false}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Policies:
                        - AmazonS3FullAccess
                        - S3CrudPolicy: {BucketName: x}
                        - Statement:
                            - {Effect: Allow, Action: "dynamodb:*", Resource: !GetAtt Contacts.Arn}
                  Access:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: [sqs:SendMessage, "*"]
                            Resource: ["*", !Sub "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:*"]
                """);

        assertThat(wildcards(bad)).containsExactly(
                "Fn: the managed policy AmazonS3FullAccess",
                "Fn: the SAM policy template S3CrudPolicy",
                "Fn: the action dynamodb:*",
                "Access: the action *",
                "Access: the resource *",
                "Access: the resource arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:*");
        assertThat(queuesWithoutDeadLetterQueue(bad)).containsExactly("Work");
        assertThat(tablesWithoutPointInTimeRecovery(bad)).containsExactly("Contacts");
    }

    private static List<String> wildcards(JsonNode template) {
        List<String> found = new ArrayList<>();
        template.path("Resources").properties().forEach(resource -> {
            String name = resource.getKey();
            for (JsonNode policy : resource.getValue().path("Properties").path("Policies")) {
                if (policy.isTextual()) {
                    found.add(name + ": the managed policy " + policy.asText());
                } else if (!policy.has("Statement") && !policy.has("PolicyDocument")) {
                    policy.fieldNames().forEachRemaining(sam -> {
                        if (!SCOPED_SAM_POLICIES.contains(sam)) {
                            found.add(name + ": the SAM policy template " + sam);
                        }
                    });
                }
            }
            for (JsonNode statement : statements(resource.getValue())) {
                for (String action : strings(statement.path("Action"))) {
                    if (action.contains("*")) {
                        found.add(name + ": the action " + action);
                    }
                }
                if (statement.has("NotAction") || statement.has("NotResource")) {
                    found.add(name + ": NotAction or NotResource");
                }
                for (String target : strings(statement.path("Resource"))) {
                    if (target.contains("*") && NEEDED_WILDCARD_RESOURCES.keySet().stream()
                            .noneMatch(needed -> needed.matcher(target).matches())) {
                        found.add(name + ": the resource " + target);
                    }
                }
            }
        });
        return found;
    }

    /** Every IAM statement anywhere under the node: policy documents, inline policies, trust policies. */
    private static List<JsonNode> statements(JsonNode node) {
        List<JsonNode> found = new ArrayList<>();
        if (node.isObject() && node.has("Statement")) {
            JsonNode statement = node.get("Statement");
            if (statement.isArray()) {
                statement.forEach(found::add);
            } else {
                found.add(statement);
            }
        }
        if (node.isContainerNode()) {
            node.forEach(child -> found.addAll(statements(child)));
        }
        return found;
    }

    /** The strings of a value, a list or nested lists (as {@code !If [condition, a, b]} reads). */
    private static List<String> strings(JsonNode node) {
        if (node.isArray()) {
            return StreamSupport.stream(node.spliterator(), false).flatMap(item -> strings(item).stream()).toList();
        }
        return node.isTextual() ? List.of(node.asText()) : List.of();
    }

    private static List<String> queuesWithoutDeadLetterQueue(JsonNode template) {
        Set<String> deadLetterQueues = new HashSet<>();
        template.path("Resources").forEach(resource -> {
            JsonNode properties = resource.path("Properties");
            for (JsonNode arn : List.of(properties.path("RedrivePolicy").path("deadLetterTargetArn"),
                    properties.path("DeadLetterQueue").path("TargetArn"))) {
                if (arn.isTextual()) {
                    deadLetterQueues.add(arn.asText().replaceFirst("\\.Arn$", ""));
                }
            }
        });
        return ofType(template, "AWS::SQS::Queue").stream()
                .filter(name -> !deadLetterQueues.contains(name))
                .filter(name -> !template.path("Resources").path(name).path("Properties").has("RedrivePolicy"))
                .toList();
    }

    private static List<String> tablesWithoutPointInTimeRecovery(JsonNode template) {
        List<String> tables = new ArrayList<>(ofType(template, "AWS::DynamoDB::Table").stream()
                .filter(name -> !template.path("Resources").path(name).path("Properties")
                        .path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean())
                .toList());
        tables.addAll(ofType(template, "AWS::Serverless::SimpleTable"));
        return tables;
    }

    private static List<String> ofType(JsonNode template, String type) {
        List<String> names = new ArrayList<>();
        template.path("Resources").properties().forEach(resource -> {
            if (type.equals(resource.getValue().path("Type").asText())) {
                names.add(resource.getKey());
            }
        });
        return names;
    }
}
