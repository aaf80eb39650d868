package dev.flowline.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.hubspot.HubSpotPortal;
import dev.flowline.aws.dynamodb.ImportMappings;
import dev.flowline.aws.hubspot.PortalImport;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.list.ContactList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./flowline import --from-hubspot} between two local runtimes, the first serving as the HubSpot portal
 * (Flowline serves HubSpot's API): 24 flows of the real-world corpus and one Flowline refuses, the lists they name,
 * and 1,000 contacts are copied; every flow is reported, and a second import updates instead of duplicating.
 */
class HubSpotImportEndToEndTest {

    private static final List<String> CORPUS = List.of("01-delay-set-time", "03-delay-until-date-property",
            "05-delay-until-event-then-branch", "07-internal-email-owner", "10-set-property-static",
            "15-set-property-on-associated-company", "17-list-add-legacy", "18-list-add-v3", "24-create-task",
            "26-email-to-addresses", "27-delete-contact", "34-app-action-slack", "36-custom-code",
            "37-if-then-branch", "40-random-split-sdk", "43-reenrol-unified-events", "44-reenrol-plain-and-branch",
            "46-event-form-submission", "49-manual-only", "50-association-branch-trigger", "52-filters-activity",
            "55-time-windows-and-pause-dates", "56-goal-suppression-unenrolment", "60-platform-deal-flow");
    private static final int CONTACTS = 1_000;

    @TempDir
    static Path outbox;
    private static LocalRuntime portal;
    private static LocalRuntime flowline;

    @BeforeAll
    static void start() {
        portal = LocalRuntime.start(new LocalOptions(0, outbox.resolve("portal"), false, 0, 0, null, Map.of(), 1, 50));
        flowline = LocalRuntime.start(new LocalOptions(0, outbox.resolve("flowline"), false, 0, 0, null, Map.of(), 1, 50));
    }

    @AfterAll
    static void stop() {
        portal.close();
        flowline.close();
    }

    @Test
    void aPortalOfFlowsListsAndContactsIsCopiedAndEveryFlowReported() throws IOException {
        var source = portal.engine().engine().ports();
        for (int i = 0; i < CORPUS.size(); i++) {
            ObjectNode flow = (ObjectNode) corpus(CORPUS.get(i));
            flow.put("id", String.valueOf(700_000 + i)).put("createdAt", "2025-01-01T00:00:00Z");
            source.flows().save(FlowlineJson.read(flow, Flow.class));
        }
        // kept from before Flowline checked flows: a dataset trigger, which Flowline refuses
        source.flows().save(Flow.parse("""
                {"id":"799999","type":"CONTACT_FLOW","objectTypeId":"0-1","isEnabled":false,"name":"From a dataset",
                 "actions":[],"enrollmentCriteria":{"type":"DATASET","datasetId":"12"}}"""));
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        source.lists().create(new ContactList("1201", "Leads", "MANUAL", null, now, now));
        IntStream.range(0, CONTACTS).forEach(i -> {
            var contact = new Contact(String.valueOf(500_000 + i));
            contact.setProperty("email", "c" + i + "@example.com", now);
            contact.setProperty("lifecyclestage", i % 2 == 0 ? "lead" : "customer", now);
            source.contacts().create(contact);
        });
        source.lists().addMembers("1201", List.of("500000", "500001", "500002"));

        PortalImport.Report first = importInto(flowline.engine());

        assertThat(first.flows()).hasSize(CORPUS.size() + 1);
        assertThat(first.lines()).filteredOn(line -> line.startsWith("flow ")).hasSize(CORPUS.size() + 1);
        assertThat(first.lines()).anySatisfy(line -> assertThat(line)
                .startsWith("flow 799999 \"From a dataset\": refused: /enrollmentCriteria/type"));
        assertThat(first.lines()).anySatisfy(line -> assertThat(line)
                .contains("\"Email the partner\": imported (turned off) as 700009, with skipped actions: 1 (0-23"));
        assertThat(first.contacts()).isEqualTo(CONTACTS);
        assertThat(first.lists()).isEqualTo(1);

        var target = flowline.engine().engine().ports();
        assertThat(target.flows().page(null, 100).items()).hasSize(CORPUS.size())
                .allSatisfy(flow -> assertThat(flow.enabled()).isFalse());
        assertThat(target.contacts().find("500999").orElseThrow().value("lifecyclestage")).contains("customer");
        assertThat(target.lists().members("1201", null, 10).items()).containsExactlyInAnyOrder("500000", "500001", "500002");
        Flow imported = target.flows().find("700000").orElseThrow();
        assertThat(FlowlineJson.tree(imported).path("actions")).isEqualTo(corpus(CORPUS.getFirst()).path("actions"));

        var edited = source.contacts().find("500000").orElseThrow();
        edited.setProperty("firstname", "Ada", now);
        source.contacts().save(edited);
        PortalImport.Report second = importInto(flowline.engine());

        assertThat(second.flows()).extracting(PortalImport.FlowReport::flowlineId)
                .containsExactlyElementsOf(first.flows().stream().map(PortalImport.FlowReport::flowlineId).toList());
        assertThat(target.flows().page(null, 100).items()).hasSize(CORPUS.size());
        assertThat(target.flows().find("700000").orElseThrow().revisionId()).isNotEqualTo(imported.revisionId());
        assertThat(target.contacts().find("500000").orElseThrow().value("firstname")).contains("Ada");
        assertThat(target.contacts().page(null, 100).items()).hasSize(100);
    }

    private static PortalImport.Report importInto(AwsEngine engine) {
        var portalApi = new HubSpotPortal(portal.apiUrl(), portal.devToken());
        try (var dynamo = flowline.clients().dynamoDb()) {
            return new PortalImport(portalApi, engine.engine().ports(),
                    new ImportMappings(dynamo, engine.config().tables(), engine.account())).run(true);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode corpus(String name) throws IOException {
        try (InputStream in = HubSpotImportEndToEndTest.class.getClassLoader()
                .getResourceAsStream("realworld/" + name + ".json")) {
            return FlowlineJson.mapper().readTree(in);
        }
    }
}
