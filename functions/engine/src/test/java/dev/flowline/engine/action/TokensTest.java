package dev.flowline.engine.action;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.crm.Association;
import dev.flowline.engine.crm.CrmObject;
import dev.flowline.engine.crm.CrmObjectType;
import dev.flowline.engine.crm.ObjectRef;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.owner.Owner;
import dev.flowline.engine.simulation.InMemoryContactStore;
import dev.flowline.engine.simulation.InMemoryCrmObjectStore;
import dev.flowline.engine.simulation.InMemoryOwnerDirectory;
import dev.flowline.engine.simulation.Simulator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.flowline.engine.action.ActionTesting.START;
import static dev.flowline.engine.action.ActionTesting.ZONE;
import static dev.flowline.engine.action.ActionTesting.action;
import static dev.flowline.engine.action.ActionTesting.contact;
import static dev.flowline.engine.action.ActionTesting.flow;
import static dev.flowline.engine.action.ActionTesting.lastOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokensTest {

    private final InMemoryOwnerDirectory directory = new InMemoryOwnerDirectory();
    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final InMemoryCrmObjectStore crm = new InMemoryCrmObjectStore();
    private final Tokens tokens = new Tokens(directory, contacts, crm);
    private final Contact ada = contact("c", "firstname", "Ada", "city", "Paris", "hubspot_owner_id", "7",
            "csm_owner", "8", "manager_email", "grace@example.com");

    {
        directory.putOwner(new Owner("7", "sam@example.com", "Sam", "Reed", "70", List.of(), Instant.EPOCH,
                Instant.EPOCH, false));
        directory.putOwner(new Owner("8", "kim@example.com", "Kim", "Lo", null, List.of(), Instant.EPOCH,
                Instant.EPOCH, false));
    }

    private String fill(String text, Contact contact, Flow flow) {
        return tokens.fill(text, ActionTesting.context(flow, contact, START));
    }

    private String fill(String text) {
        return fill(text, ada, flow("f"));
    }

    @Test
    void contactAndEnrolledObjectTokensAreReplacedWithOrWithoutSpaces() {
        assertThat(fill("Hi {{ enrolled_object.firstname }} of {{enrolled_object.city}}, {{ contact.firstname }}"))
                .isEqualTo("Hi Ada of Paris, Ada");
    }

    @Test
    void aPropertyWithoutValueBecomesEmpty() {
        assertThat(fill("Hi {{ contact.lastname }}!")).isEqualTo("Hi !");
    }

    @Test
    void valuesWithReplacementCharactersAreInsertedLiterally() {
        assertThat(fill("{{ enrolled_object.note }}", contact("c", "note", "costs $1 \\ each"), flow("f")))
                .isEqualTo("costs $1 \\ each");
    }

    @Test
    void ownerTokensReadTheContactOwnerFromTheDirectory() {
        assertThat(fill("{{ owner.firstname }} {{ owner.lastName }} <{{ owner.email }}> #{{ owner.id }}/{{ owner.userid }}"))
                .isEqualTo("Sam Reed <sam@example.com> #7/70");
        assertThat(fill("{{ owner.fullname }}")).isEqualTo("Sam Reed");
    }

    @Test
    void anyOwnerPropertyGivesItsOwnersFields() {
        assertThat(fill("{{ contact.csm_owner.email }} and {{ enrolled_object.hubspot_owner_id.firstname }}"))
                .isEqualTo("kim@example.com and Sam");
    }

    @Test
    void aContactWithoutOwnerHasEmptyOwnerTokens() {
        assertThat(fill("[{{ owner.email }}]", contact("c"), flow("f"))).isEqualTo("[]");
    }

    @Test
    void anOwnerNotInTheDirectoryFailsNamingTheToken() {
        assertThatThrownBy(() -> fill("{{ owner.email }}", contact("c", "hubspot_owner_id", "99"), flow("f")))
                .isInstanceOf(ActionFailure.class)
                .hasMessage("the token {{ owner.email }} cannot be filled: owner 99 is not in the owner directory");
    }

    @Test
    void anUnknownOwnerFieldFails() {
        assertThatThrownBy(() -> fill("{{ owner.phone }}")).hasMessageContaining("{{ owner.phone }}")
                .hasMessageContaining("owners have no field phone");
    }

    @Test
    void unknownTokensFailNamingThem() {
        assertThatThrownBy(() -> fill("{{ deal.amount }}")).isInstanceOf(ActionFailure.class)
                .hasMessage("the token {{ deal.amount }} cannot be filled: it is not a token Flowline knows");
        assertThatThrownBy(() -> fill("{{ contact.firstname|default('x') }}")).isInstanceOf(ActionFailure.class);
        assertThatThrownBy(() -> fill("{{ _0_2.name }}")).isInstanceOf(ActionFailure.class);
    }

    @Test
    void tokenNamesAreAsciiLettersDigitsUnderscoresAndHyphens() {
        var edges = contact("e", "az_AZ-09", "edge");
        assertThat(fill("{{ contact.az_AZ-09 }}", edges, flow("f"))).isEqualTo("edge");
        for (String outside : List.of("`", "@", "[", "/", ":", "é")) {
            assertThatThrownBy(() -> fill("{{ contact.first" + outside + "name }}")).isInstanceOf(ActionFailure.class)
                    .hasMessageContaining("it is not a token Flowline knows");
        }
        assertThatThrownBy(() -> fill("{{ contact. }}")).hasMessageContaining("it is not a token Flowline knows");
    }

    private static Flow withDataSources(String dataSources) {
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) FlowlineJson.tree(flow("f"));
        json.set("dataSources", ActionTesting.read(dataSources));
        return FlowlineJson.read(json, Flow.class);
    }

    @Test
    void fetchedObjectTokensReadTheContactTheDataSourceFinds() {
        var grace = contact("g", "email", "grace@example.com", "firstname", "Grace");
        contacts.create(grace);
        Flow flow = withDataSources("""
                [{"type":"ENROLLED_RECORD_PROPERTY_FILTER","name":"manager","objectTypeId":"0-1",
                  "propertyName":"email","recordFieldName":"manager_email"},
                 {"type":"STATIC_PROPERTY_FILTER","name":"g","objectTypeId":"0-1","propertyName":"hs_object_id",
                  "staticValue":"g"}]""");

        assertThat(fill("{{ fetched_objects.manager.firstname }} / {{ fetched_objects.g.email }}", ada, flow))
                .isEqualTo("Grace / grace@example.com");
    }

    @Test
    void associationDataSourceFetchesTheFirstAssociatedRecordInItsSortOrder() {
        deal("11", "5000", "Small", 4);
        deal("12", "9000", "Big", 4);
        deal("13", "", "No amount", 4);
        Flow flow = withDataSources("""
                [{"type":"ASSOCIATION","name":"biggest","objectTypeId":"0-3","associationTypeId":4,
                  "associationCategory":"HUBSPOT_DEFINED","sortBy":{"property":"amount","order":"DESC"}},
                 {"type":"ASSOCIATION","name":"smallest","objectTypeId":"0-3","associationTypeId":4,
                  "associationCategory":"HUBSPOT_DEFINED","sortBy":{"property":"amount","order":"ASC"}},
                 {"type":"ASSOCIATION","name":"first","objectTypeId":"0-3","associationTypeId":4,
                  "associationCategory":"HUBSPOT_DEFINED"}]""");

        assertThat(fill("{{ fetched_objects.biggest.dealname }} / {{ fetched_objects.smallest.dealname }} / "
                + "{{ fetched_objects.first.dealname }}", ada, flow)).isEqualTo("Big / Small / Small");
    }

    private void deal(String id, String amount, String name, int typeId) {
        var record = CrmObject.created(CrmObjectType.DEAL, id, java.util.Map.of("amount", amount, "dealname", name),
                START);
        var association = new Association(ObjectRef.contact(ada.id()), record.ref(), java.util.Set.of(typeId));
        crm.create(record, List.of(association, association.inverse()));
    }

    @Test
    void fetchedObjectTokensFailWhenTheDataSourceCannotBeResolved() {
        Flow flow = withDataSources("""
                [{"type":"ASSOCIATION","name":"deal","objectTypeId":"0-3","associationTypeId":4,
                  "associationCategory":"HUBSPOT_DEFINED"},
                 {"type":"STATIC_PROPERTY_FILTER","name":"nobody","objectTypeId":"0-1","propertyName":"email",
                  "staticValue":"nobody@example.com"}]""");

        assertThatThrownBy(() -> fill("{{ fetched_objects.deal.amount }}", ada, flow))
                .hasMessageContaining("{{ fetched_objects.deal.amount }}")
                .hasMessageContaining("the data source deal found no record associated with the contact");
        assertThatThrownBy(() -> fill("{{ fetched_objects.nobody.email }}", ada, flow))
                .hasMessageContaining("found no contact with email \"nobody@example.com\"");
        assertThatThrownBy(() -> fill("{{ fetched_objects.other.email }}", ada, flow))
                .hasMessageContaining("the flow has no data source named other");
    }

    @Test
    void anActionWithAnUnresolvableTokenFailsNamingItAndTheFlowGoesOn() {
        var simulator = new Simulator(START, ZONE);
        simulator.addFlow(flow("f", action("0-3", """
                        {"task_type":"TODO","subject":"Call about {{ deal.amount }}"}"""),
                ActionTesting.setProperty("next", "reached")));
        simulator.addContact(contact("c"));
        simulator.enrol("f", "c");

        var report = simulator.runUntil(START.plus(Duration.ofMinutes(5)));

        assertThat(lastOf(report, "f", "c", "1").kind()).isEqualTo(HistoryKind.ACTION_FAILED);
        assertThat(lastOf(report, "f", "c", "1").detail()).contains("{{ deal.amount }}");
        assertThat(report.outbox().tasks()).isEmpty();
        assertThat(simulator.contacts().find("c").orElseThrow().value("next")).contains("reached");
    }

    @Test
    void tokensAreFilledInPropertyValuesAndWebhookQueryParameters() {
        var simulator = new Simulator(START, ZONE);
        simulator.outbox().directory().putOwner(new Owner("7", "sam@example.com", "Sam", "Reed", null, List.of(),
                Instant.EPOCH, Instant.EPOCH, false));
        simulator.addFlow(flow("f", ActionTesting.setProperty("greeting", "Dear {{ owner.firstname }}"),
                """
                {"type":"WEBHOOK","method":"POST","webhookUrl":"https://example.com/hook",
                 "queryParams":[{"name":"owner","value":{"type":"STATIC_VALUE","staticValue":"{{ owner.email }}"}}]}"""));
        simulator.addContact(contact("c", "hubspot_owner_id", "7"));
        simulator.enrol("f", "c");

        simulator.runUntil(START.plus(Duration.ofMinutes(5)));

        assertThat(simulator.contacts().find("c").orElseThrow().value("greeting")).contains("Dear Sam");
        assertThat(simulator.outbox().webhookRequests()).singleElement()
                .satisfies(request -> assertThat(request.url()).endsWith("?owner=sam%40example.com"));
    }
}
