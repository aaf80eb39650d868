package dev.flowline.functions.api;

import dev.flowline.aws.EmbeddedAws;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.StandardEvents;
import dev.flowline.engine.enrolment.ContactChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.flowline.aws.SampleFlows.eventBased;
import static dev.flowline.aws.SampleFlows.flow;
import static dev.flowline.aws.SampleFlows.marketingEmail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CRM API publishes HubSpot's "object created" event ({@code 4-1463224}) for each contact it creates, one by one
 * or in a batch, recorded on the contact and saved with it; an update or a repeated create publishes none. A flow
 * triggered by "contact is created" enrols the contacts created, and only those.
 */
@ExtendWith(EmbeddedAws.class)
class ContactCreatedEventsTest {

    private static final String CONTACTS = "/crm/v3/objects/contacts";
    private static final String CREATED = """
            {"filterBranchType":"UNIFIED_EVENTS","filterBranchOperator":"AND","eventTypeId":"4-1463224",
             "operator":"HAS_COMPLETED","filterBranches":[],"filters":[]}""";
    private static final String WELCOME = "welcome";

    private static Api api(EmbeddedAws.Environment aws) {
        Api api = new Api(aws);
        api.engine.engine().ports().flows().save(flow(WELCOME, eventBased(CREATED), null,
                marketingEmail("1", null, "welcome")));
        return api;
    }

    @Test
    void aCreatedContactHasOneCreatedEventPublishedAndRecordedAndEnrolsInTheFlow(EmbeddedAws.Environment aws) {
        Api api = api(aws);

        String id = api.call("POST", CONTACTS, "{\"properties\":{\"email\":\"ada@example.com\"}}").body()
                .path("id").asText();
        deliverCreated(api);

        assertThat(api.created).singleElement().satisfies(published -> {
            assertThat(published.contactId()).isEqualTo(id);
            assertThat(published.activity().eventTypeId()).isEqualTo(StandardEvents.OBJECT_CREATED);
            assertThat(published.activity().occurredAt()).isEqualTo(Api.NOW);
        });
        assertThat(contact(api, id).events(StandardEvents.OBJECT_CREATED)).hasSize(1);
        assertThat(api.engine.engine().ports().contacts().pendingEvents(id)).isEmpty();
        assertThat(api.engine.engine().ports().enrolments().ofContact(WELCOME, id)).hasSize(1);
    }

    @Test
    void anUpdateAndARepeatedCreatePublishNoCreatedEventAndEnrolNobody(EmbeddedAws.Environment aws) {
        Api api = new Api(aws);
        String ada = "{\"properties\":{\"email\":\"ada@example.com\",\"lifecyclestage\":\"lead\"}}";
        String id = api.call("POST", CONTACTS, ada).body().path("id").asText();
        api.engine.engine().ports().flows().save(flow(WELCOME, eventBased(CREATED), null,
                marketingEmail("1", null, "welcome")));
        api.created.clear();

        var repeated = api.call("POST", CONTACTS, ada);
        api.call("PATCH", CONTACTS + "/" + id, "{\"properties\":{\"lifecyclestage\":\"customer\"}}");
        deliverPublished(api);

        assertThat(repeated.status()).as("a repeat within the window").isEqualTo(201);
        assertThat(repeated.body().path("id").asText()).isEqualTo(id);
        assertThat(api.created).isEmpty();
        assertThat(contact(api, id).events(StandardEvents.OBJECT_CREATED)).hasSize(1);
        assertThat(api.engine.engine().ports().enrolments().ofContact(WELCOME, id)).isEmpty();
    }

    @Test
    void aBatchCreatePublishesOneCreatedEventPerContact(EmbeddedAws.Environment aws) {
        Api api = api(aws);

        var created = api.call("POST", CONTACTS + "/batch/create", "{\"inputs\":[{\"properties\":{\"email\":"
                + "\"ada@example.com\"}},{\"properties\":{\"email\":\"grace@example.com\"}}]}");
        deliverCreated(api);

        List<String> ids = List.of(created.body().path("results").get(0).path("id").asText(),
                created.body().path("results").get(1).path("id").asText());
        assertThat(api.created).extracting(Api.Published::contactId).containsExactlyInAnyOrderElementsOf(ids);
        ids.forEach(id -> assertThat(api.engine.engine().ports().enrolments().ofContact(WELCOME, id)).hasSize(1));
    }

    private static Contact contact(Api api, String id) {
        return api.engine.engine().ports().contacts().find(id).orElseThrow();
    }

    /** What the trigger queue does with each created event published so far. */
    private static void deliverCreated(Api api) {
        for (Api.Published published : List.copyOf(api.created)) {
            api.engine.engine().triggers().onChange(ContactChange.ofActivity(contact(api, published.contactId()),
                    published.activity()));
        }
    }

    /** What the trigger queue does with each property change published so far. */
    private static void deliverPublished(Api api) {
        for (Api.Published published : List.copyOf(api.published)) {
            api.engine.engine().triggers().onChange(ContactChange.ofProperties(contact(api, published.contactId()),
                    published.properties(), Api.NOW));
        }
    }
}
