package dev.flowline.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.AwsClients;
import dev.flowline.aws.StackOutputs;
import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.accounts.ApiTokens;
import dev.flowline.aws.dynamodb.FlowlineTables;
import dev.flowline.aws.emulator.Moto;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.functions.delaywaker.DelayWakerHandler;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.scheduler.model.ScheduleGroupSummary;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * template.yaml deployed on moto's server as far as moto can ({@link MotoDeployment}), and one contact run through
 * the handlers the template names, each on the environment the template gives its function: a flow and an owner put
 * through the API function as API Gateway calls it, the contact created through it, its change published on the
 * deployed bus and routed by the deployed rule to the trigger queue, whose function sends it on to the goal queue (the
 * flow has a goal), each queue's batches given to its
 * function as the template's event source mappings would, the enrolment's step run from the step queue, its internal
 * email sent through moto's SES, its delay a wake-up schedule in the deployed group. Besides: the deployed resources
 * against what the template declares, and the stack's outputs against the functions' environments, as the operators'
 * commands read them. (It lives here because this module reaches every function's handler.)
 */
class MotoDeploymentTest {

    private static final String MAIL_FROM = "flowline@example.com";
    private static final String FLOW = """
            {"type":"CONTACT_FLOW","objectTypeId":"0-1","flowType":"WORKFLOW","isEnabled":true,"name":"New customers",
             "startActionId":"1","nextAvailableActionId":"2",
             "enrollmentCriteria":{"type":"LIST_BASED","shouldReEnroll":false,"listFilterBranch":{
               "filterBranchType":"OR","filterBranchOperator":"OR","filters":[],"filterBranches":[
                {"filterBranchType":"AND","filterBranchOperator":"AND","filterBranches":[],"filters":[
                  {"filterType":"PROPERTY","property":"lifecyclestage",
                   "operation":{"operationType":"ENUMERATION","operator":"IS_ANY_OF","values":["customer"]}}]}]}},
             "goalFilterBranch":{"filterBranchType":"OR","filterBranchOperator":"OR","filters":[],"filterBranches":[
                {"filterBranchType":"AND","filterBranchOperator":"AND","filterBranches":[],"filters":[
                  {"filterType":"PROPERTY","property":"hs_lead_status",
                   "operation":{"operationType":"ENUMERATION","operator":"IS_ANY_OF","values":["CONNECTED"]}}]}]},
             "actions":[{"type":"SINGLE_CONNECTION","actionId":"1","actionTypeVersion":0,"actionTypeId":"0-8",
                         "fields":{"user_ids":["61"],"subject":"New customer {{ contact.firstname }}",
                                   "body":"<p>Call {{ contact.email }}</p>"},
                         "connection":{"edgeType":"STANDARD","nextActionId":"2"}},
                        {"type":"SINGLE_CONNECTION","actionId":"2","actionTypeVersion":0,"actionTypeId":"0-1",
                         "fields":{"delta":"1","time_unit":"DAYS"}}]}""";

    private static MotoDeployment deployment;
    private static String stack;

    @BeforeAll
    static void deploy() {
        Moto moto = Moto.fromEnvironment();
        MotoDeployment.unavailableBecause(moto).ifPresent(Assumptions::abort);
        stack = "flowline-" + UUID.randomUUID().toString().substring(0, 8);
        deployment = MotoDeployment.deploy(moto, stack, Map.of("MailFrom", MAIL_FROM, "MailIdentity", "example.com"));
        try (var ses = moto.clients().sesV2()) {
            ses.createEmailIdentity(i -> i.emailIdentity(MAIL_FROM));
        }
    }

    @Test
    void whatMotoCannotDeployIsLeftOutAndTheDocsSaySo() {
        assertThat(new TreeSet<>(deployment.resources("deployed").values())).containsExactly("AWS::DynamoDB::Table",
                "AWS::Events::EventBus", "AWS::Events::Rule", "AWS::IAM::ManagedPolicy", "AWS::IAM::Role",
                "AWS::SQS::Queue");
        // the rule of SES's email events only with a configuration set (none here), as in AWS
        assertThat(deployment.resources("deployed")).containsKeys("ContactEventsRule", "SmsDeliveryEventsRule")
                .doesNotContainKey("EmailEventsRule");
        assertThat(new TreeSet<>(deployment.resources("createdByApi").values()))
                .containsExactly("AWS::Scheduler::ScheduleGroup");
        // what docs/operations.md lists under "A deployment on moto"
        assertThat(new TreeSet<>(deployment.resources("leftOut").values())).containsExactly(
                "AWS::ApiGatewayV2::Api", "AWS::ApiGatewayV2::Stage", "AWS::CloudWatch::Alarm",
                "AWS::CloudWatch::Dashboard", "AWS::Lambda::Alias", "AWS::Lambda::EventSourceMapping",
                "AWS::Lambda::Function", "AWS::Lambda::Permission", "AWS::Lambda::Version", "AWS::Logs::LogGroup",
                "AWS::SES::ConfigurationSetEventDestination", "AWS::SNS::Topic", "AWS::SQS::QueuePolicy",
                "AWS::Scheduler::Schedule");
    }

    @Test
    void theTablesQueuesRulesAndScheduleGroupsAreAsTheTemplateDeclaresThem() {
        AwsClients clients = deployment.moto().clients();
        try (DynamoDbClient dynamo = clients.dynamoDb(); SqsClient sqs = clients.sqs();
             var events = clients.eventBridge(); var scheduler = clients.scheduler()) {
            TableDescription enrolments = dynamo.describeTable(d -> d.tableName(
                    deployment.output("EnrolmentsTableName"))).table();
            assertThat(enrolments.globalSecondaryIndexes()).allMatch(index -> index.indexStatus() == IndexStatus.ACTIVE)
                    .extracting(index -> index.indexName()).containsExactlyInAnyOrder("contact", "active", "due");
            assertThat(dynamo.describeTimeToLive(d -> d.tableName(deployment.output("EffectsTableName")))
                    .timeToLiveDescription()).satisfies(ttl -> {
                        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
                        assertThat(ttl.attributeName()).isEqualTo("expiresAt");
                    });

            Map<QueueAttributeName, String> steps = sqs.getQueueAttributes(a -> a.queueUrl(
                    deployment.output("StepQueueUrl")).attributeNames(QueueAttributeName.ALL)).attributes();
            String stepDeadLetters = sqs.getQueueAttributes(a -> a.queueUrl(deployment.output("StepDeadLetterQueueUrl"))
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            JsonNode redrive = FlowlineJson.read(steps.get(QueueAttributeName.REDRIVE_POLICY), JsonNode.class);
            assertThat(redrive.path("deadLetterTargetArn").asText()).isEqualTo(stepDeadLetters);
            assertThat(redrive.path("maxReceiveCount").asInt()).isEqualTo(5);
            assertThat(steps.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("360");

            String bus = deployment.output("EventBusName");
            assertThat(bus).isEqualTo(stack + "-contacts");
            Rule rule = events.listRules(r -> r.eventBusName(bus)).rules().getFirst();
            assertThat(FlowlineJson.read(rule.eventPattern(), JsonNode.class).path("detail-type").toString())
                    .isEqualTo("[\"contact.changed\",\"contact.activity\"]");
            assertThat(events.listTargetsByRule(t -> t.rule(rule.name()).eventBusName(bus)).targets())
                    .extracting(Target::id).containsExactly("triggers");

            assertThat(scheduler.listScheduleGroups(l -> l.namePrefix(stack)).scheduleGroups())
                    .extracting(ScheduleGroupSummary::name)
                    .containsExactlyInAnyOrder(deployment.output("WakeUpScheduleGroupName"),
                            deployment.output("FlowScheduleGroupName"))
                    .containsExactlyInAnyOrder(stack + "-wake-ups", stack + "-flows");
        }
    }

    @Test
    void aContactRunsThroughTheDeployedFunctions() {
        AwsClients clients = deployment.moto().clients();
        try (SqsClient sqs = clients.sqs(); DynamoDbClient dynamo = clients.dynamoDb()) {
            Run run = runOneContact(new Account("acme"), sqs);

            assertThat(run.handled()).containsKeys("TriggerEvaluatorFunction", "GoalCheckerFunction",
                    "ActionExecutorFunction");
            assertThat(run.api("GET", "/flowline/v1/flows/" + run.flowId() + "/enrollments", null).toString())
                    .contains(run.contactId());
            assertThat(run.api("GET", "/flowline/v1/contacts/" + run.contactId() + "/history", null).toString())
                    .contains("sent internal email to 1");
            // in the deployed table, under the account's keys
            assertThat(dynamo.scan(s -> s.tableName(deployment.output("EnrolmentsTableName"))).items())
                    .extracting(item -> item.getOrDefault("pk", AttributeValue.fromS("")).s())
                    .anyMatch(pk -> pk.startsWith("acme#"));
            List<JsonNode> sent = new ArrayList<>();
            deployment.moto().data().path("ses").path("RawMessage").forEach(mail -> {
                if (mail.path("destinations").toString().contains(run.owner())) {
                    sent.add(mail);
                }
            });
            assertThat(sent).singleElement().satisfies(mail -> assertThat(mail.path("raw_data").asText())
                    .contains("From: " + MAIL_FROM, "To: " + run.owner()));
        }
    }

    @Test
    void aDelayOfADayIsAScheduleInTheDeployedGroupThatInvokesTheDelayWakerAsTheSchedulerRole() {
        AwsClients clients = deployment.moto().clients();
        try (SqsClient sqs = clients.sqs(); var scheduler = clients.scheduler()) {
            runOneContact(new Account("beta"), sqs);

            String group = stack + "-wake-ups";
            var schedules = scheduler.listSchedules(l -> l.groupName(group)).schedules();
            assertThat(schedules).isNotEmpty();
            Map<String, String> executor = deployment.environment("ActionExecutorFunction");
            for (var schedule : schedules) {
                var wakeUp = scheduler.getSchedule(g -> g.groupName(group).name(schedule.name())).target();
                assertThat(wakeUp.arn()).isEqualTo(executor.get("FLOWLINE_WAKER_ARN"))
                        .endsWith(stack + "-DelayWakerFunction:live");
                assertThat(wakeUp.roleArn()).isEqualTo(executor.get("FLOWLINE_SCHEDULER_ROLE_ARN"))
                        .contains(stack + "-SchedulerRole-");
            }
            // the waker's every-minute sweep, on its own environment: the deployed contacts' "pending" index holds
            // nothing, so nothing is published
            RequestHandler<Map<String, Object>, Void> waker = deployment.handler("DelayWakerFunction");
            waker.handleRequest(DelayWakerHandler.SWEEP, null);
            assertThat(deliverUntilTheQueuesAreEmpty(sqs)).isEmpty();
        }
    }

    @Test
    void theOperatorsCommandsFindTheTablesAndQueuesOfTheFunctionsFromTheStack() {
        Map<String, String> variables = operatorVariables();

        assertThat(variables).containsKeys("FLOWLINE_TOKENS_TABLE", "FLOWLINE_STEP_QUEUE_URL", "FLOWLINE_BUS_NAME",
                "FLOWLINE_STEP_DEAD_LETTER_QUEUE_URL");
        for (String function : List.of("ApiFunction", "TriggerEvaluatorFunction", "ActionExecutorFunction",
                "DelayWakerFunction")) {
            Map<String, String> environment = deployment.environment(function);
            variables.forEach((variable, value) -> {
                if (environment.containsKey(variable)) {
                    assertThat(environment.get(variable)).as(function + " " + variable).isEqualTo(value);
                }
            });
        }
    }

    /** What the operators' commands ({@code ./flowline-tokens}) find from the stack's name: its outputs' variables. */
    private static Map<String, String> operatorVariables() {
        return StackOutputs.variables(deployment.moto().clients().stackOutputs(stack));
    }

    /** A contact's run in {@code account}: what the API answered, and how many messages each function handled. */
    private record Run(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, String token,
                       String owner, String flowId, String contactId, Map<String, Integer> handled) {

        JsonNode api(String method, String path, String body) {
            return call(handler, token, method, path, body);
        }
    }

    /**
     * In {@code account}, through the API function: an owner, the flow (an internal email to the owner, then a day's
     * delay) turned on, and a contact it enrols; then the queues delivered until they are empty.
     */
    private static Run runOneContact(Account account, SqsClient sqs) {
        String token;
        // as ./flowline-tokens issues it, on the tables the stack names
        try (DynamoDbClient dynamo = deployment.moto().clients().dynamoDb()) {
            token = new ApiTokens(dynamo, FlowlineTables.fromEnvironment(operatorVariables()), Clock.systemUTC())
                    .issue(account, "deployment-test");
        }
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api = deployment.handler("ApiFunction");
        String owner = "owner-" + account.id() + "-" + stack + "@example.com";
        call(api, token, "PUT", "/flowline/v1/owners/61",
                "{\"email\":\"" + owner + "\",\"firstName\":\"Olga\",\"userId\":\"61\"}");
        String flowId = call(api, token, "POST", "/automation/v4/flows", FLOW).path("id").asText();
        String contactId = call(api, token, "POST", "/crm/v3/objects/contacts", """
                {"properties":{"email":"ada@example.com","firstname":"Ada","lifecyclestage":"customer"}}""")
                .path("id").asText();
        return new Run(api, token, owner, flowId, contactId, deliverUntilTheQueuesAreEmpty(sqs));
    }

    /**
     * Gives each queue's messages to its function, as the template's event source mappings would (the batch size,
     * the messages the function reports failed kept), until no queue has any; how many each function handled.
     */
    private static Map<String, Integer> deliverUntilTheQueuesAreEmpty(SqsClient sqs) {
        var handlers = new HashMap<String, RequestHandler<SQSEvent, SQSBatchResponse>>();
        var handled = new HashMap<String, Integer>();
        for (int round = 0; round < 10; round++) {
            boolean delivered = false;
            for (MotoDeployment.EventSource source : deployment.eventSources()) {
                List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(source.queueUrl())
                        .maxNumberOfMessages(source.batchSize()).messageAttributeNames("All")
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                if (messages.isEmpty()) {
                    continue;
                }
                delivered = true;
                String arn = sqs.getQueueAttributes(a -> a.queueUrl(source.queueUrl())
                        .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
                SQSBatchResponse response = handlers.computeIfAbsent(source.function(), deployment::handler)
                        .handleRequest(SqsPoller.event(arn, messages), null);
                assertThat(response.getBatchItemFailures()).as(source.function()).isEmpty();
                messages.forEach(m -> sqs.deleteMessage(d -> d.queueUrl(source.queueUrl())
                        .receiptHandle(m.receiptHandle())));
                handled.merge(source.function(), messages.size(), Integer::sum);
            }
            if (!delivered) {
                return handled;
            }
        }
        return fail("the queues were still not empty after ten rounds: " + handled);
    }

    /** Calls the API function as API Gateway's HTTP API does; the answer's JSON body, after a 2xx status. */
    private static JsonNode call(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api, String token,
                                 String method, String path, String body) {
        var http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        http.setPath(path);
        var context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        context.setRequestId(UUID.randomUUID().toString());
        var event = new APIGatewayV2HTTPEvent();
        event.setRouteKey("ANY /{proxy+}");
        event.setRawPath(path);
        event.setBody(body);
        event.setHeaders(Map.of("content-type", "application/json", "authorization", "Bearer " + token));
        event.setRequestContext(context);
        APIGatewayV2HTTPResponse response = api.handleRequest(event, null);
        assertThat(response.getStatusCode()).as(method + " " + path + ": " + response.getBody()).isBetween(200, 299);
        return response.getBody() == null ? null : FlowlineJson.read(response.getBody(), JsonNode.class);
    }
}
