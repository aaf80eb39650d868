package dev.flowline.functions.api;

import com.sun.net.httpserver.HttpServer;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.aws.SampleFlows;
import dev.flowline.aws.dynamodb.FlowlineTables;
import dev.flowline.aws.sqs.QueuedStep;
import dev.flowline.engine.action.InternalEmail;
import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.action.Mailer;
import dev.flowline.engine.action.MarketingEmail;
import dev.flowline.engine.enrolment.EnrolmentSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import static dev.flowline.aws.SampleFlows.delayDays;
import static dev.flowline.aws.SampleFlows.flow;
import static dev.flowline.aws.SampleFlows.marketingEmail;
import static dev.flowline.aws.SampleFlows.webhook;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /crm/v3/objects/contacts/gdpr-delete}: nothing that names the contact is left in any table. */
@ExtendWith(EmbeddedAws.class)
class ContactErasureTest {

    private static final String EMAIL = "Grace.Hopper@Example.com";

    private final List<MarketingEmail> emails = new CopyOnWriteArrayList<>();
    private HttpServer endpoint;

    @BeforeEach
    void startEndpoint() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        endpoint.start();
    }

    @AfterEach
    void stopEndpoint() {
        endpoint.stop(0);
    }

    private Api api(EmbeddedAws.Environment aws) {
        return new Api(aws, engine -> engine.mailer(new Mailer() {
            @Override
            public void sendMarketingEmail(MarketingEmail email) {
                emails.add(email);
            }

            @Override
            public void sendInternalEmail(InternalEmail email) {
                throw new UnsupportedOperationException();
            }
        }));
    }

    @Test
    void aPrivacyDeletionLeavesNoItemNamingTheContactOrItsEmailInAnyTable(EmbeddedAws.Environment aws) {
        var api = api(aws);
        AwsEngine engine = api.engine;
        String other = api.contact("someone.else@example.com");
        String id = livelyContact(api, aws, other);
        assertThat(itemsNaming(aws, id, EMAIL)).as("the setup stores the contact in every kind of item")
                .anyMatch(item -> item.startsWith(aws.config().tables().contacts() + ":"))
                .anyMatch(item -> item.startsWith(aws.config().tables().enrolments() + ":"))
                .anyMatch(item -> item.startsWith(aws.config().tables().history() + ":"))
                .anyMatch(item -> item.startsWith(aws.config().tables().effects() + ":"))
                .anyMatch(item -> item.startsWith(aws.config().tables().lists() + ":"));
        long enrolledBefore = engine.engine().ports().metrics().snapshot("2001").enrolled();

        var deleted = api.call("POST", "/crm/v3/objects/contacts/gdpr-delete",
                "{\"objectId\":\"" + EMAIL.toUpperCase(Locale.ROOT) + "\",\"idProperty\":\"email\"}");

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(itemsNaming(aws, id, EMAIL)).isEmpty();
        assertThat(api.call("GET", "/crm/v3/objects/contacts/" + id, null).status()).isEqualTo(404);
        assertThat(engine.engine().ports().metrics().snapshot("2001").enrolled())
                .as("the flows' counters are aggregates and stay").isEqualTo(enrolledBefore);
        assertThat(engine.engine().ports().metrics().snapshot("2001").unenrolled()).isEqualTo(1);
        assertThat(engine.engine().ports().contacts().find(other)).as("other contacts stay").isPresent();
        assertThat(engine.engine().ports().enrolments().allOfContact(other)).hasSize(1);
    }

    @Test
    void aPrivacyDeletionForgetsTheContactsJourneyEnrolments(EmbeddedAws.Environment aws) {
        var api = api(aws);
        String id = api.contact(EMAIL);
        String other = api.contact("someone.else@example.com");
        for (String contactId : List.of(id, other)) {
            var contact = api.engine.engine().ports().contacts().find(contactId).orElseThrow();
            contact.setProperty("journey_stage", "new", Api.NOW);
            contact.addToList("100");
            api.engine.engine().ports().contacts().save(contact);
        }
        String journey = api.call("POST", "/flowline/v1/journeys", JourneyRoutesTest.journey("Onboarding",
                delayDays("a1", null, 1), false)).body().path("id").asText();
        api.engine.engine().journeys().publish(journey, api.engine.engine().ports().contacts().page(null, 10).items());
        assertThat(api.engine.engine().journeys().enrolments(journey)).hasSize(2);

        api.call("POST", "/crm/v3/objects/contacts/gdpr-delete", "{\"objectId\":\"" + id + "\"}");

        assertThat(api.engine.engine().journeys().enrolments(journey)).extracting(e -> e.contactId()).containsExactly(other);
        assertThat(itemsNaming(aws, id, EMAIL)).isEmpty();
    }

    @Test
    void aRepeatedOrUnknownDeletionIs204AndAMissingObjectIdIs400(EmbeddedAws.Environment aws) {
        var api = api(aws);
        String id = api.contact("ada@example.com");

        assertThat(api.call("POST", "/crm/v3/objects/contacts/gdpr-delete", "{\"objectId\":\"" + id + "\"}")
                .status()).isEqualTo(204);
        assertThat(api.call("POST", "/crm/v3/objects/contacts/gdpr-delete", "{\"objectId\":\"" + id + "\"}")
                .status()).isEqualTo(204);
        var missing = api.call("POST", "/crm/v3/objects/contacts/gdpr-delete", "{\"idProperty\":\"email\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("errors").get(0).path("in").asText()).isEqualTo("/objectId");
        assertThat(api.call("POST", "/crm/v3/objects/contacts/gdpr-delete",
                "{\"objectId\":\"" + id + "\",\"idProperty\":\"phone\"}").status()).isEqualTo(400);
    }

    @Test
    void aWriterThatReadTheContactBeforeTheDeletionDoesNotBringItBack(EmbeddedAws.Environment aws) {
        var api = api(aws);
        String id = api.contact("ada@example.com");
        Contact readBefore = api.engine.engine().ports().contacts().find(id).orElseThrow();

        api.call("POST", "/crm/v3/objects/contacts/gdpr-delete", "{\"objectId\":\"" + id + "\"}");
        readBefore.setProperty("lifecyclestage", "customer", Api.NOW);
        api.engine.engine().ports().contacts().save(readBefore);
        api.engine.engine().context().events().activity(id, new ActivityEvent("e-late", Api.NOW, Map.of()));

        assertThat(api.engine.engine().ports().contacts().find(id)).isEmpty();
        assertThat(api.call("GET", "/crm/v3/objects/contacts/" + id, null).status()).isEqualTo(404);
    }

    /**
     * A contact with an email, property values and their history, an event, a MANUAL list membership, an
     * enrolment that sent an email, called a webhook and now waits on a delay, and an enrolment in a second
     * flow; {@code other} is enrolled in the first flow too.
     */
    private String livelyContact(Api api, EmbeddedAws.Environment aws, String other) {
        AwsEngine engine = api.engine;
        String id = api.contact(EMAIL);
        api.call("PATCH", "/crm/v3/objects/contacts/" + id, "{\"properties\":{\"lifecyclestage\":\"customer\","
                + "\"firstname\":\"Grace\"}}");
        api.call("POST", "/events/v3/send", "{\"eventName\":\"pe1_webinar_joined\",\"objectId\":\"" + id
                + "\",\"occurredAt\":\"2026-03-01T12:00:00Z\",\"properties\":{\"room\":\"A\"}}");
        String listId = api.call("POST", "/crm/v3/lists", "{\"name\":\"VIP\",\"objectTypeId\":\"0-1\","
                + "\"processingType\":\"MANUAL\"}").body().path("list").path("listId").asText();
        api.call("PUT", "/crm/v3/lists/" + listId + "/memberships/add", "[\"" + id + "\",\"" + other + "\"]");
        SampleFlows.putEmailTemplates(engine, "welcome", "follow-up");
        var nurture = engine.engine().ports().flows().save(flow("2001", SampleFlows.MANUAL, null,
                marketingEmail("1", "2", "welcome"),
                webhook("2", "3", "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hook"),
                delayDays("3", "4", 1), marketingEmail("4", null, "follow-up")));
        var second = engine.engine().ports().flows().save(flow("2002", SampleFlows.MANUAL, null, delayDays("1", null, 3)));
        for (String contactId : List.of(id, other)) {
            engine.engine().enroller().enrol(nurture, engine.engine().ports().contacts().find(contactId).orElseThrow(),
                    EnrolmentSource.MANUAL);
        }
        engine.engine().enroller().enrol(second, engine.engine().ports().contacts().find(id).orElseThrow(), EnrolmentSource.MANUAL);
        for (int round = 0; round < 5; round++) {
            aws.drain(aws.config().stepQueueUrl()).forEach(message -> engine.engine().steps()
                    .run(QueuedStep.parse(message.body(), engine.account()).step()));
        }
        assertThat(emails).extracting(MarketingEmail::contentId).containsExactly("welcome", "welcome");
        assertThat(engine.engine().ports().enrolments().activeOfContact(id)).hasSize(2);
        return id;
    }

    /** Every item of every Flowline table with a value that contains the id or the email, ignoring case. */
    private static List<String> itemsNaming(EmbeddedAws.Environment aws, String contactId, String email) {
        var found = new ArrayList<String>();
        try (DynamoDbClient dynamo = aws.clients().dynamoDb()) {
            for (String table : tableNames(aws.config().tables())) {
                dynamo.scanPaginator(b -> b.tableName(table)).items().forEach(item -> {
                    String text = item.values().stream().map(ContactErasureTest::text)
                            .collect(Collectors.joining(" ")).toLowerCase(Locale.ROOT);
                    if (text.contains(contactId) || text.contains(email.toLowerCase(Locale.ROOT))) {
                        found.add(table + ":" + item);
                    }
                });
            }
        }
        return found;
    }

    private static List<String> tableNames(FlowlineTables tables) {
        return Arrays.stream(FlowlineTables.class.getRecordComponents()).map(component -> {
            try {
                return (String) component.getAccessor().invoke(tables);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The value as text, binary values unzipped when they are gzipped (the contact's document is). */
    private static String text(AttributeValue value) {
        return switch (value.type()) {
            case S -> value.s();
            case N -> value.n();
            case B -> bytes(value.b());
            case SS -> String.join(" ", value.ss());
            case NS -> String.join(" ", value.ns());
            case L -> value.l().stream().map(ContactErasureTest::text).collect(Collectors.joining(" "));
            case M -> value.m().entrySet().stream().map(e -> e.getKey() + " " + text(e.getValue()))
                    .collect(Collectors.joining(" "));
            default -> value.toString();
        };
    }

    private static String bytes(SdkBytes bytes) {
        byte[] raw = bytes.asByteArray();
        if (raw.length < 2 || raw[0] != (byte) 0x1f || raw[1] != (byte) 0x8b) {
            return new String(raw, StandardCharsets.UTF_8);
        }
        try (var in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
