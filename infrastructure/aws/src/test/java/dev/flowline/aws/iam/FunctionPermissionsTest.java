package dev.flowline.aws.iam;

import dev.flowline.aws.crm.DynamoNotifier;
import dev.flowline.aws.crm.DynamoEmailTemplates;
import dev.flowline.aws.crm.DynamoOwnerDirectory;
import dev.flowline.aws.crm.DynamoRotationState;
import dev.flowline.aws.dynamodb.DynamoActivationProgress;
import dev.flowline.aws.dynamodb.DynamoContactRecycleBin;
import dev.flowline.aws.dynamodb.DynamoCrmObjectStore;
import dev.flowline.aws.dynamodb.DynamoSmsQuota;
import dev.flowline.aws.scheduler.EventBridgeRecurringRuns;
import dev.flowline.aws.sms.EndUserMessagingSms;
import dev.flowline.aws.sms.SmsDeliveries;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flowline.aws.accounts.ApiTokens;
import dev.flowline.aws.accounts.SigningKeys;
import dev.flowline.aws.dynamodb.DueEnrolments;
import dev.flowline.aws.dynamodb.DynamoContactStore;
import dev.flowline.aws.dynamodb.DynamoEnrolmentStore;
import dev.flowline.aws.dynamodb.DynamoFlowMetrics;
import dev.flowline.aws.dynamodb.DynamoFlowStore;
import dev.flowline.aws.dynamodb.DynamoHistory;
import dev.flowline.aws.dynamodb.DynamoJourneyEnrolmentStore;
import dev.flowline.aws.dynamodb.DynamoJourneyStore;
import dev.flowline.aws.dynamodb.DynamoListStore;
import dev.flowline.aws.dynamodb.EffectLedger;
import dev.flowline.aws.dynamodb.PendingContactEvents;
import dev.flowline.aws.eventbridge.EventBridgeEvents;
import dev.flowline.aws.http.StoredSecrets;
import dev.flowline.aws.lambda.GoalQueueForwarding;
import dev.flowline.aws.lambda.SqsBatch;
import dev.flowline.aws.scheduler.EventBridgeWakeUpScheduler;
import dev.flowline.aws.ses.SesMailer;
import dev.flowline.aws.sqs.SqsActivationQueue;
import dev.flowline.aws.sqs.SqsStepScheduler;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each function's role in template.yaml allows exactly what its code calls: the {@link Permissions} of the adapters
 * the function uses. A permission missing from a role fails (the call would be refused in AWS), and so does one that
 * no adapter needs. A new adapter declares its {@code PERMISSIONS} and is added to the functions that use it here.
 */
class FunctionPermissionsTest {

    private static final Path TEMPLATE = Path.of("../../template.yaml");

    /** What every function on the engine calls: its stores, the step queue with its wake-ups, the bus. */
    private static final Permissions ENGINE = Permissions.union(DynamoFlowStore.PERMISSIONS,
            DynamoJourneyStore.PERMISSIONS, DynamoJourneyEnrolmentStore.PERMISSIONS, DynamoContactStore.PERMISSIONS,
            DynamoEnrolmentStore.PERMISSIONS, DynamoListStore.PERMISSIONS, DynamoHistory.PERMISSIONS,
            DynamoFlowMetrics.PERMISSIONS, EffectLedger.PERMISSIONS, EventBridgeEvents.PERMISSIONS,
            SqsStepScheduler.PERMISSIONS, EventBridgeWakeUpScheduler.PERMISSIONS, DynamoCrmObjectStore.PERMISSIONS,
            DynamoOwnerDirectory.PERMISSIONS, DynamoRotationState.PERMISSIONS, DynamoNotifier.PERMISSIONS,
            DynamoSmsQuota.PERMISSIONS, DynamoContactRecycleBin.PERMISSIONS, SmsDeliveries.PERMISSIONS,
            DynamoEmailTemplates.PERMISSIONS, DynamoActivationProgress.PERMISSIONS);

    private static ObjectNode template() throws IOException {
        return (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(TEMPLATE.toFile());
    }

    /** For each function whose role differs from what its adapters need: what is missing and what is not needed. */
    private static Map<String, String> differences(RolePermissions roles) {
        var differences = new TreeMap<String, String>();
        FUNCTIONS.forEach((function, needed) -> {
            Set<Permissions.Permission> granted = roles.of(function).all();
            var missing = needed.all().stream().filter(p -> !granted.contains(p)).toList();
            var excess = granted.stream().filter(p -> !needed.all().contains(p)).toList();
            if (!missing.isEmpty() || !excess.isEmpty()) {
                differences.put(function, "missing " + missing + ", not needed " + excess);
            }
        });
        return differences;
    }

    /** The statement {@code sid} of a function's inline policy or of a managed policy. */
    private static ObjectNode statement(ObjectNode template, String resource, String sid) {
        JsonNode properties = template.path("Resources").path(resource).path("Properties");
        JsonNode statements = properties.has("Policies") ? properties.path("Policies").path(0).path("Statement")
                : properties.path("PolicyDocument").path("Statement");
        for (JsonNode statement : statements) {
            if (sid.equals(statement.path("Sid").asText())) {
                return (ObjectNode) statement;
            }
        }
        throw new IllegalArgumentException(resource + " has no statement " + sid);
    }

    /** Each function of the template, by its logical id, and the adapters its code calls. */
    static final Map<String, Permissions> FUNCTIONS = Map.of(
            "TriggerEvaluatorFunction", Permissions.union(ENGINE, SqsBatch.permissions("TriggerDeadLetterQueue"),
                    GoalQueueForwarding.permissions("GoalQueue")),
            "GoalCheckerFunction", Permissions.union(ENGINE, SqsBatch.permissions("GoalDeadLetterQueue")),
            "ActionExecutorFunction", Permissions.union(ENGINE, SqsBatch.permissions("StepDeadLetterQueue"),
                    SesMailer.PERMISSIONS, StoredSecrets.PERMISSIONS, SigningKeys.READING, EndUserMessagingSms.PERMISSIONS),
            "FlowActivationFunction", Permissions.union(ENGINE, SqsActivationQueue.PERMISSIONS,
                    SqsBatch.permissions("ActivationDeadLetterQueue")),
            "ApiFunction", Permissions.union(ENGINE, SqsActivationQueue.PERMISSIONS, ApiTokens.AUTHENTICATING,
                    EventBridgeRecurringRuns.PERMISSIONS),
            // due steps, pending contact events, flows' recurring runs (segments on the activation queue), SMS
            // deliveries, and the erasure of contacts deleted long enough ago, which reaches every store
            "DelayWakerFunction", Permissions.union(ENGINE, DueEnrolments.PERMISSIONS, PendingContactEvents.PERMISSIONS,
                    SqsActivationQueue.PERMISSIONS));

    @Test
    void everyFunctionsRoleAllowsWhatItsAdaptersCallAndNothingElse() throws IOException {
        RolePermissions roles = RolePermissions.of(template());

        assertThat(roles.functions()).containsExactlyInAnyOrderElementsOf(FUNCTIONS.keySet());
        assertThat(differences(roles)).isEmpty();
    }

    @Test
    void aRemovedOrAnAddedPermissionFails() throws IOException {
        ObjectNode removed = template();
        statement(removed, "EngineAccessPolicy", "Contacts").withArray("Action").remove(3);
        ObjectNode added = template();
        statement(added, "ApiFunction", "Activations").withArray("Action").add("ses:SendEmail");

        assertThat(differences(RolePermissions.of(removed))).containsOnlyKeys("TriggerEvaluatorFunction",
                "GoalCheckerFunction", "ActionExecutorFunction", "FlowActivationFunction", "ApiFunction",
                "DelayWakerFunction")
                .containsEntry("ApiFunction", "missing [dynamodb:Scan on ContactsTable], not needed []");
        assertThat(differences(RolePermissions.of(added))).containsExactly(Map.entry("ApiFunction",
                "missing [], not needed [ses:SendEmail on ActivationQueue]"));
    }

    @Test
    void rolesAreReadFromPoliciesAndAttachedManagedPoliciesWithBothBranchesOfAConditional() throws IOException {
        JsonNode template = new ObjectMapper(new YAMLFactory()).readTree("""
                Conditions:
                  Other: !Equals [a, b]
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Policies:
                        - Statement:
                            - Effect: Allow
                              Action: [sqs:SendMessage]
                              Resource: [!GetAtt StepQueue.Arn, !If [Other, !GetAtt Dlq.Arn, !Ref AWS::NoValue]]
                  Shared:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      Roles: [!Ref FnRole]
                      PolicyDocument:
                        Statement:
                          - !If
                            - Other
                            - {Effect: Allow, Action: dynamodb:Query, Resource: !Sub "${FlowsTable.Arn}/index/enabled"}
                            - Effect: Allow
                              Action: [ses:SendEmail]
                              Resource: !Sub "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/x"
                """);

        assertThat(RolePermissions.of(template).of("Fn")).isEqualTo(Permissions
                .on("StepQueue", "sqs:SendMessage").and("Dlq", "sqs:SendMessage")
                .and("FlowsTable/index/enabled", "dynamodb:Query").and("ses:identity/x", "ses:SendEmail"));
    }
}
