package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.aws.sqs.QueuedSegment;
import dev.flowline.engine.activation.Activation;
import dev.flowline.engine.activation.ActivationBudget;
import dev.flowline.engine.activation.Segment;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import static dev.flowline.functions.api.FlowRoutesTest.FLOWS;
import static dev.flowline.functions.api.FlowRoutesTest.edited;
import static dev.flowline.functions.api.FlowRoutesTest.newFlow;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedAws.class)
class FlowActivationTest {

    private static final int CONTACTS = 300;
    private static final String ACTIVATION = "/flowline/v1/flows/%s/activation";

    @Test
    void turningAFlowOnWithEnrollExistingContactsEnrolsEveryContactThatAlreadyMatches(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);
        saveContacts(api);
        JsonNode created = api.post(FLOWS, newFlow("Customers", false)).body();
        String id = created.path("id").asText();

        assertThat(api.get(ACTIVATION.formatted(id)).status()).as("never turned on with them").isEqualTo(404);
        var turnedOn = api.put(FLOWS + "/" + id + "?enrollExistingContacts=true", edited(created, "Customers", true));
        assertThat(api.get(ACTIVATION.formatted(id)).body().path("segments").path("done").asInt()).isZero();
        int messages = runFanOut(aws, api, 1);

        assertThat(turnedOn.status()).isEqualTo(200);
        assertThat(messages).as("segments re-enqueue themselves when their page budget ends")
                .isGreaterThan(Activation.SEGMENTS);
        for (int i = 0; i < CONTACTS; i++) {
            List<Enrolment> enrolments = api.engine.engine().ports().enrolments().ofContact(id, "c" + i);
            if (isCustomer(i)) {
                assertThat(enrolments).singleElement()
                        .extracting(Enrolment::source).isEqualTo(EnrolmentSource.EXISTING_CONTACTS);
            } else {
                assertThat(enrolments).isEmpty();
            }
        }
    }

    @Test
    void theFlowsActivationShowsEverySegmentDoneAndEachContactScannedAndEnrolledOnceThoughEveryRunIsDeliveredTwice(
            EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);
        saveContacts(api);
        JsonNode created = api.post(FLOWS, newFlow("Customers", false)).body();
        String id = created.path("id").asText();
        api.put(FLOWS + "/" + id + "?enrollExistingContacts=true", edited(created, "Customers", true));

        runFanOut(aws, api, 2);

        JsonNode activation = api.get(ACTIVATION.formatted(id)).body();
        assertThat(activation.path("segments").path("done").asInt()).isEqualTo(Activation.SEGMENTS);
        assertThat(activation.path("segments").path("total").asInt()).isEqualTo(Activation.SEGMENTS);
        assertThat(activation.path("contactsScanned").asInt()).isEqualTo(CONTACTS);
        assertThat(activation.path("contactsEnrolled").asInt()).isEqualTo(CONTACTS / 3);
        assertThat(activation.path("done").asBoolean()).isTrue();
        assertThat(activation.path("startedAt").asText()).isEqualTo(FlowApi.NOW.toString());
        for (int i = 0; i < CONTACTS; i += 3) {
            assertThat(api.engine.engine().ports().enrolments().ofContact(id, "c" + i)).hasSize(1);
        }
    }

    @Test
    void creatingAFlowThatIsOnWithEnrollExistingContactsStartsOneMessagePerSegment(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);

        var created = api.post(FLOWS + "?enrollExistingContacts=true", newFlow("Customers", true));

        assertThat(created.status()).isEqualTo(201);
        assertThat(aws.drain(api.activationQueueUrl)).hasSize(Activation.SEGMENTS)
                .allSatisfy(message -> assertThat(message.body()).contains(created.body().path("id").asText()));
    }

    @Test
    void enrollExistingContactsIsRefusedBeforeAnyWriteWhereThereIsNoActivationQueue(EmbeddedAws.Environment aws) {
        var api = FlowApi.withoutActivationQueue(aws);

        var response = api.post(FLOWS + "?enrollExistingContacts=true", newFlow("Customers", true));

        assertThat(response.status()).isEqualTo(501);
        assertThat(api.get(FLOWS).body().path("results")).isEmpty();
    }

    @Test
    void turningAFlowOnWithoutTheOptionEnrolsNoExistingContact(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);
        JsonNode created = api.post(FLOWS, newFlow("Customers", false)).body();

        api.put(FLOWS + "/" + created.path("id").asText(), edited(created, "Customers", true));

        assertThat(aws.drain(api.activationQueueUrl)).isEmpty();
    }

    @Test
    void anEnrollExistingContactsValueOtherThanTrueOrFalseIsA400AndTheFlowStaysOff(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);
        JsonNode created = api.post(FLOWS, newFlow("Customers", false)).body();
        String id = created.path("id").asText();

        var response = api.put(FLOWS + "/" + id + "?enrollExistingContacts=yes", edited(created, "Customers", true));

        assertThat(response.status()).isEqualTo(400);
        assertThat(api.get(FLOWS + "/" + id).body().path("isEnabled").asBoolean()).isFalse();
    }

    @Test
    void aRedeliveredSegmentEnrolsNoContactTwice(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);
        saveContacts(api);
        String id = api.post(FLOWS, newFlow("Customers", true)).body().path("id").asText();
        var activation = api.engine.engine().activation();
        var whole = new Segment(id, 0, 1, null, null);

        activation.run(whole);
        activation.run(whole);

        assertThat(api.engine.engine().ports().enrolments().ofContact(id, "c0")).hasSize(1);
    }

    @Test
    void aSegmentOfAFlowTurnedOffSinceEnrolsNobody(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);
        saveContacts(api);
        String id = api.post(FLOWS, newFlow("Customers", false)).body().path("id").asText();

        api.engine.engine().activation().run(new Segment(id, 0, 1, null, null));

        assertThat(api.engine.engine().ports().enrolments().ofContact(id, "c0")).isEmpty();
        assertThat(aws.drain(api.activationQueueUrl)).isEmpty();
    }

    private static boolean isCustomer(int i) {
        return i % 3 == 0;
    }

    private static void saveContacts(FlowApi api) {
        for (int i = 0; i < CONTACTS; i++) {
            var contact = new Contact("c" + i);
            contact.setProperty("lifecyclestage", isCustomer(i) ? "customer" : "lead", FlowApi.NOW);
            api.engine.engine().ports().contacts().create(contact);
        }
    }

    /**
     * Runs the activation queue's segments, as the activation function does, on an engine with a small page
     * budget, until none is left, each as many times as it is {@code delivered}; returns how many there were.
     */
    private static int runFanOut(EmbeddedAws.Environment aws, FlowApi api, int delivered) {
        AwsEngine function = new EmbeddedAws.Environment(api.engine.config(), aws.clients(), aws.sqs()).engine()
                .clock(Clock.fixed(FlowApi.NOW, ZoneOffset.UTC)).activationBudget(new ActivationBudget(5, 2)).build();
        int handled = 0;
        for (List<Message> messages = aws.drain(api.activationQueueUrl); !messages.isEmpty();
             messages = aws.drain(api.activationQueueUrl)) {
            messages.forEach(message -> IntStream.range(0, delivered).forEach(delivery -> function.engine()
                    .activation().run(QueuedSegment.parse(message.body()).segment())));
            handled += messages.size();
        }
        return handled;
    }
}
