package dev.flowline.engine.action;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.owner.Owner;
import dev.flowline.engine.simulation.Simulator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.flowline.engine.action.ActionTesting.START;
import static dev.flowline.engine.action.ActionTesting.ZONE;
import static dev.flowline.engine.action.ActionTesting.action;
import static dev.flowline.engine.action.ActionTesting.contact;
import static dev.flowline.engine.action.ActionTesting.flow;
import static dev.flowline.engine.action.ActionTesting.lastOf;
import static org.assertj.core.api.Assertions.assertThat;

class RotateOwnerActionTest {

    private final Simulator simulator = new Simulator(START, ZONE);
    private int failures;

    {
        simulator.outbox().directory().withOwners("u1", "u2", "u3", "u4");
    }

    private static Flow rotation(String fields) {
        return flow("f", action("0-11", fields));
    }

    /** Enrols new contacts one after the other and returns the owner each got. */
    private List<String> enrolContacts(String property, int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> {
            simulator.addContact(contact("c" + i));
            simulator.enrol("f", "c" + i);
            simulator.runUntil(simulator.clock().instant().plus(Duration.ofMinutes(1)));
            return simulator.contacts().find("c" + i).orElseThrow().value(property).orElse("none");
        }).toList();
    }

    private static Map<String, Long> counts(List<String> owners) {
        return owners.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Test
    void nineContactsOverThreeOwnersGetThreeEach() {
        simulator.addFlow(rotation("{\"user_ids\":[\"u1\",\"u2\",\"u3\"],\"overwrite_current_owner\":\"true\"}"));

        var owners = enrolContacts("hubspot_owner_id", 0, 9);

        assertThat(counts(owners)).containsOnly(Map.entry("u1", 3L), Map.entry("u2", 3L), Map.entry("u3", 3L));
    }

    @Test
    void changingTheOwnersRestartsTheCounts() {
        simulator.addFlow(rotation("{\"user_ids\":[\"u1\",\"u2\",\"u3\"],\"overwrite_current_owner\":\"true\"}"));
        assertThat(enrolContacts("hubspot_owner_id", 0, 2)).containsExactly("u1", "u2");

        simulator.addFlow(rotation("{\"user_ids\":[\"u1\",\"u2\",\"u3\",\"u4\"],\"overwrite_current_owner\":\"true\"}"));

        assertThat(enrolContacts("hubspot_owner_id", 2, 4)).containsExactly("u1", "u2", "u3", "u4");
    }

    @Test
    void teamsRotateThroughTheirEligibleMembers() {
        simulator.outbox().directory().withTeam("t1", "u7", "u8");
        simulator.addFlow(rotation("{\"user_ids\":[\"u1\"],\"team_ids\":[\"t1\"],\"target_property\":\"csm_owner\"}"));

        assertThat(counts(enrolContacts("csm_owner", 0, 6)))
                .containsOnly(Map.entry("u1", 2L), Map.entry("u7", 2L), Map.entry("u8", 2L));
    }

    @Test
    void aContactWithAnOwnerKeepsItUnlessTheActionOverwrites() {
        simulator.addFlow(rotation("{\"user_ids\":[\"u1\"],\"overwrite_current_owner\":\"false\"}"));
        Contact owned = contact("c", "hubspot_owner_id", "u9");
        simulator.addContact(owned);
        simulator.enrol("f", "c");

        var report = simulator.runUntil(START.plus(Duration.ofMinutes(1)));

        assertThat(owned.value("hubspot_owner_id")).contains("u9");
        assertThat(lastOf(report, "f", "c", "1").kind()).isEqualTo(HistoryKind.ACTION_SKIPPED);
        assertThat(lastOf(report, "f", "c", "1").detail()).contains("already has an owner (u9)");
    }

    @Test
    void anOwnedContactIsReassignedWhenTheActionOverwrites() {
        simulator.addFlow(rotation("{\"user_ids\":[\"u1\"],\"overwrite_current_owner\":\"true\"}"));
        simulator.addContact(contact("c", "hubspot_owner_id", "u9"));
        simulator.enrol("f", "c");
        simulator.runUntil(START.plus(Duration.ofMinutes(1)));

        assertThat(simulator.contacts().find("c").orElseThrow().value("hubspot_owner_id")).contains("u1");
    }

    @Test
    void theSameStepRunTwiceTakesOneTurn() {
        var outbox = new dev.flowline.engine.simulation.Outbox();
        outbox.directory().withOwners("u1", "u2");
        var handler = new RotateOwnerAction(outbox.directory(), outbox);
        Flow flow = rotation("{\"user_ids\":[\"u1\",\"u2\"],\"overwrite_current_owner\":\"true\"}");
        var action = (dev.flowline.engine.definition.SingleConnectionAction) flow.action("1").orElseThrow();

        var first = contact("a");
        handler.execute(action, ActionTesting.context(flow, first, START));
        handler.execute(action, ActionTesting.context(flow, first, START));
        var second = contact("b");
        handler.execute(action, ActionTesting.context(flow, second, START));

        assertThat(first.value("hubspot_owner_id")).contains("u1");
        assertThat(second.value("hubspot_owner_id")).contains("u2");
    }

    @Test
    void noEligibleOwnerFails() {
        simulator.outbox().directory().withTeam("empty");
        assertThat(failureOf("{\"team_ids\":[\"empty\"]}")).contains("no eligible owner");
    }

    @Test
    void usersAreAssignedTheirOwnerId() {
        simulator.outbox().directory().putOwner(new Owner("501", "x@example.com", null, null, "9001", List.of(),
                START, START, false));
        simulator.addFlow(rotation("{\"user_ids\":[\"9001\"]}"));

        assertThat(enrolContacts("hubspot_owner_id", 0, 1)).containsExactly("501");
    }

    @Test
    void unknownUsersAndTeamsFailWithThePlainReason() {
        assertThat(failureOf("{\"user_ids\":[\"u1\",\"ghost\"]}"))
                .isEqualTo("user ghost is not an active owner in the owner directory");
        assertThat(failureOf("{\"team_ids\":[\"t9\"]}")).isEqualTo("team t9 is not in the owner directory");
    }

    @Test
    void archivedOwnersAreNotAssigned() {
        var owner = simulator.outbox().directory().owner("u2").orElseThrow();
        simulator.outbox().directory().putOwner(owner.archivedAt(START));

        assertThat(failureOf("{\"user_ids\":[\"u2\"]}")).contains("user u2 is not an active owner");
    }

    private String failureOf(String fields) {
        simulator.addFlow(rotation(fields));
        String contactId = "failing" + ++failures;
        simulator.addContact(contact(contactId));
        simulator.enrol("f", contactId);
        var report = simulator.runUntil(simulator.clock().instant().plus(Duration.ofMinutes(1)));
        var entry = lastOf(report, "f", contactId, "1");
        assertThat(entry.kind()).isEqualTo(HistoryKind.ACTION_FAILED);
        assertThat(simulator.contacts().find(contactId).orElseThrow().value("hubspot_owner_id")).isEmpty();
        return entry.detail();
    }
}
