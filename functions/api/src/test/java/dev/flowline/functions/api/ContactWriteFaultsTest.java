package dev.flowline.functions.api;

import dev.flowline.aws.AwsEngines;
import dev.flowline.aws.ContactEventSweep;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactStore;
import dev.flowline.engine.enrolment.ContactChange;
import dev.flowline.engine.enrolment.ContactEventOutbox;
import dev.flowline.engine.simulation.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.ZoneOffset;
import java.util.List;

import static dev.flowline.aws.SampleFlows.CUSTOMER;
import static dev.flowline.aws.SampleFlows.flow;
import static dev.flowline.aws.SampleFlows.listBased;
import static dev.flowline.aws.SampleFlows.marketingEmail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contact writes under faults between the write and its answer: the bus refusing the event, the answer lost after
 * the write. A saved write's event is published, later if not at once, and a repeated request answers as the first
 * would have.
 */
@ExtendWith(EmbeddedAws.class)
class ContactWriteFaultsTest {

    private static final String CONTACTS = "/crm/v3/objects/contacts";
    private static final String FLOW = "1001";
    private static final String ADA =
            "{\"properties\":{\"email\":\"ada@example.com\",\"lifecyclestage\":\"customer\"}}";

    private final VirtualClock clock = new VirtualClock(Api.NOW, ZoneOffset.UTC);
    private final FailingCreates failingCreates = new FailingCreates();

    @Test
    void aCreateWhoseEventTheBusRefusesAnswers201AndTheSweepPublishesTheEventOnceAndTheContactEnrolsOnce(
            EmbeddedAws.Environment aws) {
        Api api = api(aws);
        api.refusals = 1;

        var created = api.call("POST", CONTACTS, ADA);

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().path("id").asText();
        assertThat(api.published).isEmpty();
        assertThat(store(api).pendingEvents(id)).as("the change and the created event").hasSize(2);
        assertThat(sweep(api).published()).as("within a minute the events are left to their writer").isZero();
        clock.advance(ContactEventOutbox.SWEEP_AFTER.plusSeconds(1));
        assertThat(sweep(api).published()).isEqualTo(2);
        assertThat(sweep(api).published()).isZero();
        assertThat(api.published).singleElement().satisfies(p -> {
            assertThat(p.contactId()).isEqualTo(id);
            assertThat(p.properties()).contains("email", "lifecyclestage", "createdate");
        });
        assertThat(store(api).pendingEvents(id)).isEmpty();
        deliverPublished(api);
        deliverPublished(api); // the trigger queue delivers at least once
        assertThat(api.engine.engine().ports().enrolments().ofContact(FLOW, id)).hasSize(1);
    }

    @Test
    void aSweepThatTheBusRefusesLeavesTheEventForTheNextSweep(EmbeddedAws.Environment aws) {
        Api api = api(aws);
        api.refusals = 2;
        String id = api.call("POST", CONTACTS, ADA).body().path("id").asText();
        clock.advance(ContactEventOutbox.SWEEP_AFTER.plusSeconds(1));

        assertThat(sweep(api)).isEqualTo(new ContactEventSweep.Result(0, 1));
        assertThat(sweep(api)).isEqualTo(new ContactEventSweep.Result(2, 0));
        assertThat(api.published).extracting(Api.Published::contactId).containsExactly(id);
        assertThat(api.created).extracting(Api.Published::contactId).containsExactly(id);
    }

    @Test
    void aCreateWhoseAnswerIsLostAfterTheWriteIs500AndItsRepeatAnswers201WithThatContactAndItsEventOnce(
            EmbeddedAws.Environment aws) {
        Api api = api(withFailingCreates(aws));
        failingCreates.failNext(true);

        var failed = api.call("POST", CONTACTS, ADA);

        assertThat(failed.status()).isEqualTo(500);
        Contact saved = store(api).findByEmail("ada@example.com").orElseThrow();
        assertThat(api.published).isEmpty();
        var repeated = api.call("POST", CONTACTS, ADA);
        var again = api.call("POST", CONTACTS, ADA);
        assertThat(repeated.status()).isEqualTo(201);
        assertThat(repeated.body().path("id").asText()).isEqualTo(saved.id());
        assertThat(repeated.body().path("properties").path("lifecyclestage").asText()).isEqualTo("customer");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().path("id").asText()).isEqualTo(saved.id());
        assertThat(api.published).singleElement().satisfies(p -> assertThat(p.contactId()).isEqualTo(saved.id()));
        assertThat(store(api).pendingEvents(saved.id())).isEmpty();
        deliverPublished(api);
        assertThat(api.engine.engine().ports().enrolments().ofContact(FLOW, saved.id())).hasSize(1);
    }

    @Test
    void aCreateThatFailsBeforeItsWriteIs500AndItsRepeatCreatesTheContact(EmbeddedAws.Environment aws) {
        Api api = api(withFailingCreates(aws));
        failingCreates.failNext(false);

        assertThat(api.call("POST", CONTACTS, ADA).status()).isEqualTo(500);
        assertThat(store(api).findByEmail("ada@example.com")).isEmpty();
        var repeated = api.call("POST", CONTACTS, ADA);

        assertThat(repeated.status()).isEqualTo(201);
        assertThat(api.published).extracting(Api.Published::contactId)
                .containsExactly(repeated.body().path("id").asText());
    }

    @Test
    void anotherCreateWithTheEmailIsAConflictAndSoIsARepeatOnceItsWindowHasPassed(EmbeddedAws.Environment aws) {
        Api api = api(aws);
        assertThat(api.call("POST", CONTACTS, ADA).status()).isEqualTo(201);

        var otherValues = api.call("POST", CONTACTS,
                "{\"properties\":{\"email\":\"ada@example.com\",\"lifecyclestage\":\"lead\"}}");
        var fewerValues = api.call("POST", CONTACTS, "{\"properties\":{\"email\":\"ada@example.com\"}}");
        var moreValues = api.call("POST", CONTACTS, "{\"properties\":{\"email\":\"ada@example.com\","
                + "\"lifecyclestage\":\"customer\",\"firstname\":\"Ada\"}}");
        clock.advance(ContactWrites.REPEAT_WINDOW.plusSeconds(1));
        var late = api.call("POST", CONTACTS, ADA);

        assertThat(List.of(otherValues, fewerValues, moreValues, late)).extracting(Api.Answer::status)
                .containsOnly(409);
        assertThat(api.published).hasSize(1);
    }

    @Test
    void anUpdateWhoseEventTheBusRefusesAnswers200AndTheSweepPublishesTheEvent(EmbeddedAws.Environment aws) {
        Api api = api(aws);
        String id = api.contact("ada@example.com");
        api.published.clear();
        api.refusals = 1;

        var updated = api.call("PATCH", CONTACTS + "/" + id, "{\"properties\":{\"lifecyclestage\":\"customer\"}}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(store(api).find(id).orElseThrow().value("lifecyclestage")).contains("customer");
        assertThat(api.published).isEmpty();
        clock.advance(ContactEventOutbox.SWEEP_AFTER.plusSeconds(1));
        assertThat(sweep(api).published()).isEqualTo(1);
        assertThat(api.published).singleElement().satisfies(p -> {
            assertThat(p.contactId()).isEqualTo(id);
            assertThat(p.properties()).contains("lifecyclestage");
        });
    }

    @Test
    void aBatchCreateRepeatedAfterFailingHalfwayGivesBackTheContactItMadeAndCreatesTheRest(
            EmbeddedAws.Environment aws) {
        Api api = api(withFailingCreates(aws));
        String batch = "{\"inputs\":[{\"properties\":{\"email\":\"ada@example.com\"}},"
                + "{\"properties\":{\"email\":\"grace@example.com\"}}]}";
        failingCreates.failNext(false, 1);

        assertThat(api.call("POST", CONTACTS + "/batch/create", batch).status()).isEqualTo(500);
        String ada = store(api).findByEmail("ada@example.com").orElseThrow().id();
        var repeated = api.call("POST", CONTACTS + "/batch/create", batch);

        assertThat(repeated.status()).isEqualTo(201);
        assertThat(repeated.body().path("results").get(0).path("id").asText()).isEqualTo(ada);
        String grace = repeated.body().path("results").get(1).path("id").asText();
        assertThat(store(api).findByEmail("grace@example.com").orElseThrow().id()).isEqualTo(grace);
        assertThat(api.published).extracting(Api.Published::contactId).containsExactly(ada, grace);
    }

    /** An API on {@link #clock}, with a flow that enrols customers. */
    private Api api(EmbeddedAws.Environment aws) {
        Api api = new Api(aws, engine -> engine.clock(clock));
        api.engine.engine().ports().flows().save(flow(FLOW, listBased(CUSTOMER), null,
                marketingEmail("1", null, "welcome")));
        return api;
    }

    private EmbeddedAws.Environment withFailingCreates(EmbeddedAws.Environment aws) {
        return new EmbeddedAws.Environment(aws.config(), aws.clients().withInterceptors(failingCreates), aws.sqs());
    }

    private static ContactStore store(Api api) {
        return api.engine.engine().ports().contacts();
    }

    private ContactEventSweep.Result sweep(Api api) {
        return new ContactEventSweep(new AwsEngines(api.engine), api.engine.pendingContactEvents(), clock).run();
    }

    /** What the trigger queue does with each contact change published so far: the trigger evaluator reads it. */
    private void deliverPublished(Api api) {
        for (Api.Published change : List.copyOf(api.published)) {
            if (change.activity() != null) {
                continue;
            }
            Contact contact = store(api).find(change.contactId()).orElseThrow();
            api.engine.engine().triggers().onChange(ContactChange.ofProperties(contact, change.properties(),
                    clock.instant()));
        }
    }

    /**
     * Fails a write that creates a contact, after some that pass: before it is sent (nothing is written), or after
     * it was made, as when its answer is lost on the way back.
     */
    private static final class FailingCreates implements ExecutionInterceptor {

        private volatile int passing = -1;
        private volatile boolean afterTheWrite;

        void failNext(boolean afterTheWrite) {
            failNext(afterTheWrite, 0);
        }

        void failNext(boolean afterTheWrite, int passingFirst) {
            this.afterTheWrite = afterTheWrite;
            this.passing = passingFirst;
        }

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            if (!afterTheWrite && failsNow(context.request())) {
                throw new IllegalStateException("the connection broke before the write was sent");
            }
            return context.request();
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (afterTheWrite && failsNow(context.request())) {
                throw new IllegalStateException("the write was made, its answer lost");
            }
        }

        private boolean failsNow(Object request) {
            if (!(request instanceof UpdateItemRequest update) || passing < 0
                    || !"attribute_not_exists(#id)".equals(update.conditionExpression())) {
                return false;
            }
            return passing-- == 0;
        }
    }
}
