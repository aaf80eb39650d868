package dev.flowline.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.aws.SampleFlows;
import dev.flowline.aws.eventbridge.BusEvent;
import dev.flowline.engine.action.InternalEmail;
import dev.flowline.engine.action.MarketingEmail;
import dev.flowline.engine.action.Mailer;
import dev.flowline.engine.email.EmailTemplate;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.functions.actionexecutor.ActionExecutorHandler;
import dev.flowline.functions.api.ApiHandler;
import dev.flowline.functions.api.Routes;
import dev.flowline.functions.triggerevaluator.TriggerEvaluatorHandler;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.flowline.aws.SampleFlows.flow;
import static dev.flowline.aws.SampleFlows.marketingEmail;
import static dev.flowline.aws.SampleFlows.webhook;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the handlers log of a contact: its id, never its email address or property values, unless debug logging
 * is on. The handlers run on real tables and queues with everything they log captured, whatever its logger:
 * messages, their context (MDC) and exceptions whole, as the JSON layout of the functions writes them.
 */
@ExtendWith(EmbeddedAws.class)
class LogPrivacyTest {

    private static final String EMAIL = "zelda.quimby@privacy.example";
    private static final String FIRST_NAME = "Zeldaquimby";
    private static final String SECRET = "sapphire-walrus-4471";
    private static final String CHANGED_SECRET = "tangerine-okapi-9013";
    private static final List<String> PRIVATE = List.of(EMAIL, FIRST_NAME, SECRET, CHANGED_SECRET);

    /** A Lambda invocation's context, so that the handlers log through Powertools as in Lambda. */
    private static final Context LAMBDA = (Context) Proxy.newProxyInstance(Context.class.getClassLoader(),
            new Class<?>[] {Context.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getAwsRequestId" -> "request-1";
                case "getFunctionName" -> "flowline-function";
                case "getRemainingTimeInMillis", "getMemoryLimitInMB" -> 1024;
                default -> null;
            });

    private final StringWriter logs = new StringWriter();
    private WriterAppender capture;
    private Level configuredLevel;
    private HttpServer failingEndpoint;
    private final AtomicInteger webhookCalls = new AtomicInteger();

    @BeforeEach
    void captureLogs() throws IOException {
        var context = (LoggerContext) LogManager.getContext(false);
        capture = WriterAppender.newBuilder().setName("capture").setTarget(logs)
                .setLayout(PatternLayout.newBuilder().withPattern("%level %c %X %msg%n%throwable").build()).build();
        capture.start();
        context.getConfiguration().getRootLogger().addAppender(capture, Level.ALL, null);
        context.updateLoggers();
        configuredLevel = context.getConfiguration().getLoggerConfig("dev.flowline").getLevel();
        failingEndpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        failingEndpoint.createContext("/hook", exchange -> {
            webhookCalls.incrementAndGet();
            byte[] body = ("{\"error\":\"cannot take " + EMAIL + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        failingEndpoint.start();
    }

    @AfterEach
    void stopCapturing() {
        var context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(capture.getName());
        Configurator.setLevel("dev.flowline", configuredLevel);
        context.updateLoggers();
        capture.stop();
        failingEndpoint.stop(0);
    }

    @Test
    void handlersLogNoEmailAddressOrPropertyValueWhenDebugLoggingIsOff(EmbeddedAws.Environment aws) {
        runHandlers(aws);

        assertThat(webhookCalls).as("the webhook step ran").hasPositiveValue();
        assertThat(logs.toString()).as("a failure was logged").contains("the message failed");
        assertThat(logs.toString()).as("an unexpected API failure was logged").contains("request r-1 failed");
        PRIVATE.forEach(value -> assertThat(logs.toString()).doesNotContainIgnoringCase(value));
    }

    @Test
    void withDebugLoggingOnAFailureIsLoggedWithItsMessage(EmbeddedAws.Environment aws) {
        Configurator.setLevel("dev.flowline", Level.DEBUG);

        runHandlers(aws);

        assertThat(logs.toString()).contains(EMAIL);
    }

    /**
     * The API creates and updates a contact and refuses an input; the trigger evaluator enrols the contact on its
     * change; the action executor sends it a marketing email, which fails once as SES does (naming the address),
     * and calls a webhook that fails.
     */
    private void runHandlers(EmbeddedAws.Environment aws) {
        var refusedOnce = new AtomicBoolean();
        AwsEngine engine = aws.engine().mailer(new Mailer() {
            @Override
            public void sendMarketingEmail(MarketingEmail email) {
                if (!refusedOnce.getAndSet(true)) {
                    throw new IllegalStateException("Email address is not verified: " + email.to());
                }
            }

            @Override
            public void sendInternalEmail(InternalEmail email) {
            }
        }).build();
        engine.engine().ports().emailTemplates().put(new EmailTemplate("welcome", "Welcome", null,
                "Hello {{ contact.firstname }}", Instant.EPOCH, Instant.EPOCH));
        engine.engine().ports().flows().save(flow("1001", SampleFlows.listBased(SampleFlows.CUSTOMER), null,
                marketingEmail("1", "2", "welcome"), webhook("2", null,
                        "http://127.0.0.1:" + failingEndpoint.getAddress().getPort() + "/hook")));

        Routes failing = router -> router.get("/failing", request -> {
            throw new IllegalStateException("cannot take " + EMAIL);
        });
        var api = new Api(new ApiHandler(engine, List.of(failing)),
                engine.apiTokens().issue(engine.config().defaultAccount(), "t"));
        String id = api.call("POST", "/crm/v3/objects/contacts", """
                {"properties":{"email":"%s","firstname":"%s","secret_code":"%s"}}"""
                .formatted(EMAIL, FIRST_NAME, SECRET)).path("id").asText();
        api.call("PATCH", "/crm/v3/objects/contacts/" + id, """
                {"properties":{"secret_code":"%s","lifecyclestage":"customer"}}""".formatted(CHANGED_SECRET));
        api.call("POST", "/crm/v3/objects/contacts", """
                {"properties":{"email":"%s","secret_code":{"nested":"%s"}}}""".formatted(EMAIL, SECRET));
        api.call("POST", "/crm/v3/objects/contacts", """
                {"properties":{"email":"%s"}}""".formatted(EMAIL));
        api.call("GET", "/failing", null);

        new TriggerEvaluatorHandler(engine).handleRequest(sqsEvent(List.of(envelope(new BusEvent.ContactChanged(
                "e-1", engine.config().defaultAccount(), id, List.of(), Set.of("lifecyclestage"))))), LAMBDA);
        var executor = new ActionExecutorHandler(engine);
        List<Message> steps;
        while (!(steps = aws.drain(aws.config().stepQueueUrl())).isEmpty()) {
            SQSEvent batch = sqsEvent(steps.stream().map(Message::body).toList());
            executor.handleRequest(batch, LAMBDA);
            executor.handleRequest(batch, LAMBDA); // redelivered: a failed step runs again, a done one does nothing
        }
    }

    private static SQSEvent sqsEvent(List<String> bodies) {
        var event = new SQSEvent();
        event.setRecords(bodies.stream().map(body -> {
            var message = new SQSEvent.SQSMessage();
            message.setMessageId("m-" + Math.abs(body.hashCode()));
            message.setBody(body);
            return message;
        }).toList());
        return event;
    }

    private static String envelope(BusEvent event) {
        return "{\"version\":\"0\",\"id\":\"" + event.id() + "\",\"detail-type\":\"" + event.detailType()
                + "\",\"source\":\"flowline.crm\",\"detail\":" + event.detail() + "}";
    }

    private record Api(ApiHandler handler, String token) {

        JsonNode call(String method, String path, String body) {
            var event = APIGatewayV2HTTPEvent.builder().withRawPath(path).withBody(body)
                    .withHeaders(Map.of("authorization", "Bearer " + token, "content-type", "application/json"))
                    .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("r-1")
                            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).build())
                            .build())
                    .build();
            try {
                return FlowlineJson.mapper().readTree(handler.handleRequest(event, LAMBDA)
                        .getBody());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
