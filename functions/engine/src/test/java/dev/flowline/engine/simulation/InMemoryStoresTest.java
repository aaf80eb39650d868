package dev.flowline.engine.simulation;

import dev.flowline.engine.Page;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.StaleRevisionException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static dev.flowline.engine.simulation.TestFlow.flow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-memory stores keep the rules of the real ones: revisions, pages that end on a key, scan segments. */
class InMemoryStoresTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void aFlowIsSavedAsItsNextRevisionAndAStaleSaveIsRefused() {
        var store = new InMemoryFlowStore();
        Flow first = store.save(withoutRevision(flow("A").build()));
        Flow second = store.save(first);

        assertThat(first.revisionId()).isEqualTo("1");
        assertThat(second.revisionId()).isEqualTo("2");
        assertThat(store.find("A")).contains(second);
        assertThat(store.revision("A", "1")).contains(first);
        assertThatThrownBy(() -> store.save(first)).isInstanceOf(StaleRevisionException.class);
        assertThatThrownBy(() -> store.save(withoutRevision(first))).as("the id is taken")
                .isInstanceOf(StaleRevisionException.class);

        store.delete("A");
        assertThat(store.find("A")).isEmpty();
        assertThat(store.revision("A", "1")).isEmpty();
        assertThat(store.enabledFlows()).isEmpty();
    }

    @Test
    void flowsAndContactsPageInIdOrderEachPageEndingOnTheKeyOfTheNext() {
        var flows = new InMemoryFlowStore();
        List.of("C", "A", "B").forEach(id -> flows.put(flow(id).build()));
        var contacts = new InMemoryContactStore();
        List.of("c3", "c1", "c2").forEach(id -> contacts.create(new Contact(id)));

        Page<Flow> firstFlows = flows.page(null, 2);
        Page<Contact> firstContacts = contacts.page(null, 2);

        assertThat(firstFlows.items()).extracting(Flow::id).containsExactly("A", "B");
        assertThat(flows.page(firstFlows.next().orElseThrow(), 2).items()).extracting(Flow::id).containsExactly("C");
        assertThat(flows.page(firstFlows.next().orElseThrow(), 2).next()).isEmpty();
        assertThat(firstContacts.items()).extracting(Contact::id).containsExactly("c1", "c2");
        assertThat(contacts.page("c2", 2).items()).extracting(Contact::id).containsExactly("c3");
    }

    @Test
    void theScanSegmentsHoldEveryContactOnce() {
        var contacts = new InMemoryContactStore();
        IntStream.range(0, 50).forEach(i -> contacts.create(new Contact("c" + i)));

        var scanned = new ArrayList<String>();
        for (int segment = 0; segment < 4; segment++) {
            String after = null;
            do {
                Page<Contact> page = contacts.scan(segment, 4, after, 3);
                page.items().forEach(contact -> scanned.add(contact.id()));
                after = page.next().orElse(null);
            } while (after != null);
        }

        assertThat(scanned).hasSize(50).doesNotHaveDuplicates();
    }

    @Test
    void aContactIsFoundByItsEmailIgnoringCase() {
        var contacts = new InMemoryContactStore();
        var ada = new Contact("c1");
        ada.setProperty(Contact.EMAIL, "Ada@Example.com", T0);
        contacts.create(ada);

        assertThat(contacts.findByEmail("ada@example.COM")).map(Contact::id).contains("c1");
        assertThat(contacts.findByEmail("grace@example.com")).isEmpty();
    }

    private static Flow withoutRevision(Flow flow) {
        return Flow.parse(flow.toJson().replace("\"revisionId\":\"" + flow.revisionId() + "\",", ""));
    }
}
