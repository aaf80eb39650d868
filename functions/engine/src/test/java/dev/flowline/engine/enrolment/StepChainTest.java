package dev.flowline.engine.enrolment;

import dev.flowline.engine.InMemoryEngine;
import dev.flowline.engine.criteria.ListDefinition;
import dev.flowline.engine.history.HistoryEntry;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.list.ContactList;
import dev.flowline.engine.simulation.InMemoryEnrolmentStore;
import dev.flowline.engine.simulation.Outbox;
import dev.flowline.engine.simulation.TestFlow;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static dev.flowline.engine.InMemoryEngine.NOW;
import static dev.flowline.engine.simulation.TestFlow.addToList;
import static dev.flowline.engine.simulation.TestFlow.delay;
import static dev.flowline.engine.simulation.TestFlow.flow;
import static dev.flowline.engine.simulation.TestFlow.ifThen;
import static dev.flowline.engine.simulation.TestFlow.inList;
import static dev.flowline.engine.simulation.TestFlow.marketingEmail;
import static dev.flowline.engine.simulation.TestFlow.propertyIs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One step message runs its step and the steps due at once after it, each moved on by a conditional write, and stops
 * at a step that must wait (a delay), at a step another run is making the effect of, and after
 * {@value StepRunner#MAX_STEPS_PER_RUN} steps; what it stops at goes to the queue. A step followed at once by one that
 * runs in memory (a delay, a branch, a property set) leaves its write to that one: a run writes its enrolment before
 * each step that acts elsewhere and where it stops, and what the steps it carried did counts only once that write is
 * made.
 */
class StepChainTest {

    private final Outbox outbox = new Outbox();
    private final InMemoryEnrolmentStore store = new InMemoryEnrolmentStore();
    /** The sequences the enrolment was written at, by update. */
    private final List<Long> writes = new ArrayList<>();
    /** Run before each update: another writer, in between. */
    private Runnable beforeUpdate = () -> { };
    private final InMemoryEngine memory = new InMemoryEngine(ports -> outbox.connect(ports).enrolments(watched()));

    private EnrolmentStore watched() {
        return (EnrolmentStore) Proxy.newProxyInstance(EnrolmentStore.class.getClassLoader(),
                new Class<?>[]{EnrolmentStore.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("update")) {
                        beforeUpdate.run();
                        writes.add(((Enrolment) arguments[0]).sequence());
                    }
                    try {
                        return method.invoke(store, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static String setLifecycleStage(String actionId, String next) {
        return """
                {"type":"SINGLE_CONNECTION","actionId":"%s","actionTypeVersion":0,"actionTypeId":"0-5",
                 "fields":{"property_name":"lifecyclestage","value":{"type":"STATIC_VALUE","staticValue":"lead"}}%s}"""
                .formatted(actionId, next == null ? "" : """
                        ,"connection":{"edgeType":"STANDARD","nextActionId":"%s"}""".formatted(next));
    }


    /** Enrols c1 in the flow by hand; returns its first step, as queued. */
    private StepMessage enrol(TestFlow flow) {
        memory.flows.put(flow.build());
        memory.contact("c1");
        assertThat(memory.engine.enrolByAction("A", "c1").isEnrolled()).isTrue();
        StepMessage first = memory.steps.getLast().step();
        memory.steps.clear();
        return first;
    }

    private Enrolment enrolment() {
        return store.ofContact("A", "c1").getFirst();
    }

    private List<HistoryKind> history() {
        return memory.history.ofEnrolment(enrolment().enrolmentId()).stream().map(HistoryEntry::kind).toList();
    }

    @Test
    void immediateStepsRunInOneRunUntilADelay() {
        StepMessage first = enrol(flow("A").manual(false).actions(marketingEmail("1", "2", "welcome"),
                marketingEmail("2", "3", "tips"), delay("3", "4", 1, "DAYS"), marketingEmail("4", null, "later")));

        memory.engine.steps().run(first);

        assertThat(outbox.marketingEmails()).extracting("contentId").containsExactly("welcome", "tips");
        assertThat(enrolment().currentActionId()).isEqualTo("4");
        assertThat(enrolment().sequence()).isEqualTo(3);
        assertThat(memory.steps).containsExactly(new InMemoryEngine.Scheduled(new StepMessage(first.enrolmentId(), 3),
                NOW.plus(Duration.ofDays(1))));
        assertThat(history()).containsExactly(HistoryKind.ENROLLED, HistoryKind.ACTION_SUCCEEDED,
                HistoryKind.ACTION_SUCCEEDED, HistoryKind.ACTION_SUCCEEDED);
    }

    @Test
    void theEndOfTheFlowIsReachedInTheSameRun() {
        StepMessage first = enrol(flow("A").manual(false).actions(marketingEmail("1", "2", "welcome"),
                marketingEmail("2", null, "tips")));

        memory.engine.steps().run(first);

        assertThat(outbox.marketingEmails()).extracting("contentId").containsExactly("welcome", "tips");
        assertThat(enrolment().status()).isEqualTo(EnrolmentStatus.COMPLETED);
        assertThat(memory.steps).isEmpty();
    }

    @Test
    void aStepWhoseEffectAnotherRunIsMakingGoesToTheQueue() {
        StepMessage first = enrol(flow("A").manual(false).actions(marketingEmail("1", "2", "welcome"),
                marketingEmail("2", null, "tips")));
        StepMessage second = new StepMessage(first.enrolmentId(), 1);
        memory.ledger.claim(second.idempotencyKey());

        memory.engine.steps().run(first);

        assertThat(outbox.marketingEmails()).extracting("contentId").containsExactly("welcome");
        assertThat(enrolment().sequence()).isEqualTo(1);
        assertThat(memory.steps).containsExactly(new InMemoryEngine.Scheduled(second, null));
    }

    @Test
    void oneRunStopsAfterItsMostSteps() {
        int actions = StepRunner.MAX_STEPS_PER_RUN + 5;
        var emails = new ArrayList<String>();
        IntStream.rangeClosed(1, actions).forEach(i -> emails.add(
                marketingEmail(String.valueOf(i), i == actions ? null : String.valueOf(i + 1), "email-" + i)));
        StepMessage first = enrol(flow("A").manual(false).actions(emails.toArray(String[]::new)));

        memory.engine.steps().run(first);

        assertThat(outbox.marketingEmails()).hasSize(StepRunner.MAX_STEPS_PER_RUN);
        StepMessage next = new StepMessage(first.enrolmentId(), StepRunner.MAX_STEPS_PER_RUN);
        assertThat(memory.steps).containsExactly(new InMemoryEngine.Scheduled(next, null));

        memory.steps.clear();
        memory.engine.steps().run(next);
        assertThat(outbox.marketingEmails()).hasSize(actions);
        assertThat(enrolment().status()).isEqualTo(EnrolmentStatus.COMPLETED);
    }

    @Test
    void aStepAfterAListActionSeesTheContactsNewMembership() {
        memory.lists.create(new ContactList("7", "VIP", ListDefinition.MANUAL, null, NOW, NOW));
        StepMessage first = enrol(flow("A").manual(false).actions(addToList("1", "2", "7"),
                ifThen("2", "Member", inList("7"), "3", "4"), marketingEmail("3", null, "member"),
                marketingEmail("4", null, "other")));

        memory.engine.steps().run(first);

        assertThat(outbox.marketingEmails()).extracting("contentId").containsExactly("member");
    }

    @Test
    void aRunStopsAtAContactItsActionDeleted() {
        StepMessage first = enrol(flow("A").manual(false).actions("""
                {"type":"SINGLE_CONNECTION","actionId":"1","actionTypeVersion":0,"actionTypeId":"0-18224765",
                 "fields":{},"connection":{"edgeType":"STANDARD","nextActionId":"2"}}""",
                marketingEmail("2", null, "welcome")));

        memory.engine.steps().run(first);

        assertThat(outbox.marketingEmails()).isEmpty();
        Enrolment ended = store.find(first.enrolmentId()).orElseThrow();
        assertThat(ended.status()).isEqualTo(EnrolmentStatus.UNENROLLED);
        assertThat(ended.unenrolmentReason()).isEqualTo(UnenrolmentReason.CONTACT_DELETED);
        assertThat(memory.history.ofEnrolment(first.enrolmentId())).extracting(HistoryEntry::kind)
                .as("the step's entry once, before the unenrolment").containsExactly(HistoryKind.ENROLLED,
                        HistoryKind.ACTION_SUCCEEDED, HistoryKind.UNENROLLED);
    }

    @Test
    void aRedeliveredMessageSeveralStepsBehindQueuesTheEnrolmentsStepAndSendsNothingAgain() {
        StepMessage first = enrol(flow("A").manual(false).actions(marketingEmail("1", "2", "welcome"),
                marketingEmail("2", "3", "tips"), delay("3", "4", 1, "DAYS"), marketingEmail("4", null, "later")));
        memory.engine.steps().run(first);
        memory.steps.clear();

        // its run may have failed after the moves and before the delay's wake-up was queued
        memory.engine.steps().run(first);

        assertThat(outbox.marketingEmails()).hasSize(2);
        assertThat(memory.steps).containsExactly(new InMemoryEngine.Scheduled(new StepMessage(first.enrolmentId(), 3),
                NOW.plus(Duration.ofDays(1))));
    }

    @Test
    void anEmailAPropertyAndADelayAreOneWriteOfTheEnrolment() {
        StepMessage first = enrol(flow("A").manual(false).actions(marketingEmail("1", "2", "welcome"),
                setLifecycleStage("2", "3"), delay("3", "4", 1, "DAYS"), marketingEmail("4", null, "later")));

        memory.engine.steps().run(first);

        assertThat(writes).as("one write, at the delay's sequence").containsExactly(3L);
        assertThat(outbox.marketingEmails()).extracting("contentId").containsExactly("welcome");
        assertThat(memory.contacts.find("c1").orElseThrow().value("lifecyclestage")).contains("lead");
        assertThat(enrolment().sequence()).isEqualTo(3);
        assertThat(enrolment().sentMarketingEmail()).isTrue();
        assertThat(memory.steps).containsExactly(new InMemoryEngine.Scheduled(new StepMessage(first.enrolmentId(), 3),
                NOW.plus(Duration.ofDays(1))));
        assertThat(history()).containsExactly(HistoryKind.ENROLLED, HistoryKind.ACTION_SUCCEEDED,
                HistoryKind.ACTION_SUCCEEDED, HistoryKind.ACTION_SUCCEEDED);
    }

    @Test
    void theEnrolmentIsWrittenBeforeAStepThatActsElsewhere() {
        StepMessage first = enrol(flow("A").manual(false).actions(setLifecycleStage("1", "2"),
                marketingEmail("2", "3", "welcome"), delay("3", "4", 1, "DAYS"), marketingEmail("4", null, "later")));

        memory.engine.steps().run(first);

        assertThat(writes).as("the property's before the email, the email's with the delay's").containsExactly(1L, 3L);
        assertThat(outbox.marketingEmails()).extracting("contentId").containsExactly("welcome");
    }

    @Test
    void stepsCarriedByAWriteThatLostItsRaceCountForNothing() {
        StepMessage first = enrol(flow("A").manual(false).actions(marketingEmail("1", "2", "welcome"),
                setLifecycleStage("2", "3"), delay("3", "4", 1, "DAYS"), marketingEmail("4", null, "later")));
        beforeUpdate = () -> {
            beforeUpdate = () -> { };
            Enrolment stored = store.find(first.enrolmentId()).orElseThrow();
            assertThat(store.update(stored.unenrol(UnenrolmentReason.MANUAL, NOW), stored.sequence())).isTrue();
        };

        memory.engine.steps().run(first);

        assertThat(enrolment().status()).isEqualTo(EnrolmentStatus.UNENROLLED);
        assertThat(memory.contacts.find("c1").orElseThrow().value("lifecyclestage")).isEmpty();
        assertThat(history()).containsExactly(HistoryKind.ENROLLED);
        assertThat(memory.steps).isEmpty();

        memory.engine.steps().run(first);
        assertThat(outbox.marketingEmails()).as("sent once").hasSize(1);
    }

    @Test
    void aGoalMetByACarriedPropertyUnenrolsAfterTheWrite() {
        StepMessage first = enrol(flow("A").manual(false).goal(propertyIs("lifecyclestage", "lead"))
                .actions(marketingEmail("1", "2", "welcome"), setLifecycleStage("2", "3"),
                        delay("3", "4", 1, "DAYS"), marketingEmail("4", null, "later")));

        memory.engine.steps().run(first);

        assertThat(enrolment().status()).isEqualTo(EnrolmentStatus.UNENROLLED);
        assertThat(enrolment().unenrolmentReason()).isEqualTo(UnenrolmentReason.GOAL_MET);
        assertThat(memory.contacts.find("c1").orElseThrow().value("lifecyclestage")).contains("lead");
        assertThat(history()).startsWith(HistoryKind.ENROLLED, HistoryKind.ACTION_SUCCEEDED,
                HistoryKind.ACTION_SUCCEEDED).contains(HistoryKind.UNENROLLED);
        assertThat(memory.steps).isEmpty();
    }

    @Test
    void aRunOfPropertySetsIsOneWriteAndQueuesNothingOnceItLostItsRace() {
        int actions = StepRunner.MAX_STEPS_PER_RUN + 5;
        StepMessage first = enrol(flow("A").manual(false).actions(IntStream.rangeClosed(1, actions)
                .mapToObj(i -> setLifecycleStage(String.valueOf(i), i == actions ? null : String.valueOf(i + 1)))
                .toArray(String[]::new)));
        beforeUpdate = () -> {
            beforeUpdate = () -> { };
            Enrolment stored = store.find(first.enrolmentId()).orElseThrow();
            store.update(stored.unenrol(UnenrolmentReason.MANUAL, NOW), stored.sequence());
        };

        memory.engine.steps().run(first);

        assertThat(writes).as("the run's one write, at its last step").containsExactly(
                (long) StepRunner.MAX_STEPS_PER_RUN);
        assertThat(memory.steps).isEmpty();
        assertThat(history()).containsExactly(HistoryKind.ENROLLED);
    }
}
