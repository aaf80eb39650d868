package dev.flowline.engine.journey;

import dev.flowline.engine.contact.PropertyName;
import dev.flowline.engine.definition.Action;
import dev.flowline.engine.definition.FlowValidator;
import dev.flowline.engine.definition.Problem;
import dev.flowline.engine.definition.SingleConnectionAction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a journey definition before Flowline accepts it, reporting every problem with a JSON Pointer into the
 * definition. Each stage's actions get the workflow checks (their stage flow goes through {@link FlowValidator}),
 * besides the journey's own rules: the limits, one goal exit, values unique across stages and exits, "go to"
 * targets, and no other journey on the same property with a list in common.
 */
public final class JourneyValidator {

    private final JourneyLimits limits;

    public JourneyValidator(JourneyLimits limits) {
        this.limits = limits;
    }

    /** A new journey is refused once the account has as many as the limit allows. */
    public Optional<Problem> canCreate(Collection<Journey> existing) {
        return existing.size() >= limits.maxJourneys()
                ? Optional.of(new Problem("", "an account can have at most " + limits.maxJourneys()
                + " journeys; this one has " + existing.size()))
                : Optional.empty();
    }

    /** Every problem of {@code definition}, the draft of journey {@code journeyId} among {@code journeys}. */
    public List<Problem> validate(String journeyId, JourneyDefinition definition, Collection<Journey> journeys) {
        var problems = new ArrayList<Problem>();
        required(problems, "", "name", definition.name());
        if (required(problems, "", "propertyName", definition.propertyName())) {
            PropertyName.problem(definition.propertyName())
                    .ifPresent(problem -> problems.add(new Problem("/propertyName", problem)));
        }
        lists(problems, definition);
        stages(problems, journeyId, definition);
        exits(problems, definition);
        uniqueValues(problems, definition);
        unenrollment(problems, definition.unenrollment());
        conflicts(problems, journeyId, definition, journeys);
        return List.copyOf(problems);
    }

    private void lists(List<Problem> problems, JourneyDefinition definition) {
        if (!required(problems, "", "enrollmentListIds", definition.enrollmentListIds())) {
            return;
        }
        int count = definition.enrollmentListIds().size();
        if (count == 0 || count > JourneyLimits.MAX_LISTS) {
            problems.add(new Problem("/enrollmentListIds", "a journey needs 1 to " + JourneyLimits.MAX_LISTS
                    + " enrolment lists; this one has " + count));
        }
        ids(problems, "/enrollmentListIds", definition.enrollmentListIds());
    }

    private void stages(List<Problem> problems, String journeyId, JourneyDefinition definition) {
        if (!required(problems, "", "stages", definition.stages())) {
            return;
        }
        int count = definition.stages().size();
        if (count == 0 || count > JourneyLimits.MAX_STAGES) {
            problems.add(new Problem("/stages", "a journey needs 1 to " + JourneyLimits.MAX_STAGES
                    + " stages; this one has " + count));
        }
        var ids = new HashSet<String>();
        for (int i = 0; i < count; i++) {
            String at = "/stages/" + i;
            JourneyStage stage = definition.stages().get(i);
            if (stage == null) {
                problems.add(new Problem(at, "this entry must be a JSON object, not null"));
                continue;
            }
            if (required(problems, at, "stageId", stage.stageId()) && !ids.add(stage.stageId())) {
                problems.add(new Problem(at + "/stageId", "stageId \"" + stage.stageId() + "\" is used twice"));
            }
            required(problems, at, "propertyValue", stage.propertyValue());
            if (required(problems, at, "actions", stage.actions())) {
                stageActions(problems, at, journeyId, definition, stage);
            }
        }
    }

    private void stageActions(List<Problem> problems, String at, String journeyId, JourneyDefinition definition,
                              JourneyStage stage) {
        int count = stage.actions().size();
        if (count == 0 || count > JourneyLimits.MAX_ACTIONS_PER_STAGE) {
            problems.add(new Problem(at + "/actions", "a stage needs 1 to " + JourneyLimits.MAX_ACTIONS_PER_STAGE
                    + " actions; this one has " + count));
        }
        // a go-to runs as a set-property action on the journey's propertyName, which is checked at /propertyName
        var goToPropertyNames = new HashSet<String>();
        for (int i = 0; i < count; i++) {
            Action action = stage.actions().get(i);
            int index = i;
            GoTo.of(action).ifPresent(goTo -> {
                goTo(problems, at + "/actions/" + index, definition, stage, (SingleConnectionAction) action, goTo);
                goToPropertyNames.add("/actions/" + index + "/fields/property_name");
            });
        }
        for (Problem problem : FlowValidator.validate(StageFlows.compile(journeyId, definition, stage))) {
            if (!goToPropertyNames.contains(problem.path())) {
                problems.add(new Problem(at + problem.path(), problem.message()));
            }
        }
    }

    private static void goTo(List<Problem> problems, String at, JourneyDefinition definition, JourneyStage stage,
                             SingleConnectionAction action, GoTo goTo) {
        if ((goTo.stageId() == null) == (goTo.exitId() == null)) {
            problems.add(new Problem(at + "/fields", "a go-to names either a stageId or an exitId"));
        } else if (goTo.stageId() != null && definition.stage(goTo.stageId()).isEmpty()) {
            problems.add(new Problem(at + "/fields/stageId", "stageId \"" + goTo.stageId() + "\" names no stage"));
        } else if (goTo.stageId() != null && goTo.stageId().equals(stage.stageId())) {
            problems.add(new Problem(at + "/fields/stageId", "a stage cannot go to itself"));
        } else if (goTo.exitId() != null && definition.exit(goTo.exitId()).isEmpty()) {
            problems.add(new Problem(at + "/fields/exitId", "exitId \"" + goTo.exitId() + "\" names no exit"));
        }
        if (action.connection() != null) {
            problems.add(new Problem(at + "/connection", "a go-to ends its path: it cannot have a connection"));
        }
    }

    private void exits(List<Problem> problems, JourneyDefinition definition) {
        if (!required(problems, "", "exits", definition.exits())) {
            return;
        }
        var ids = new HashSet<String>();
        definition.stageList().forEach(s -> ids.add(s.stageId()));
        for (int i = 0; i < definition.exits().size(); i++) {
            String at = "/exits/" + i;
            JourneyExit exit = definition.exits().get(i);
            if (exit == null) {
                problems.add(new Problem(at, "this entry must be a JSON object, not null"));
                continue;
            }
            if (required(problems, at, "exitId", exit.exitId()) && !ids.add(exit.exitId())) {
                problems.add(new Problem(at + "/exitId", "exitId \"" + exit.exitId()
                        + "\" is used twice among the stages and exits"));
            }
            required(problems, at, "propertyValue", exit.propertyValue());
        }
        long goals = definition.exitList().stream().filter(JourneyExit::isGoal).count();
        if (goals != 1) {
            problems.add(new Problem("/exits", "a journey needs exactly one goal exit; this one has " + goals));
        }
    }

    /** A value of the property places a contact: it can belong to one stage or exit only. */
    private static void uniqueValues(List<Problem> problems, JourneyDefinition definition) {
        Map<String, String> owners = new HashMap<>();
        for (int i = 0; i < definition.stageList().size(); i++) {
            unique(problems, owners, definition.stageList().get(i).propertyValue(), "/stages/" + i);
        }
        for (int i = 0; i < definition.exitList().size(); i++) {
            unique(problems, owners, definition.exitList().get(i).propertyValue(), "/exits/" + i);
        }
    }

    private static void unique(List<Problem> problems, Map<String, String> owners, String value, String at) {
        if (value == null) {
            return;
        }
        String first = owners.putIfAbsent(value, at);
        if (first != null) {
            problems.add(new Problem(at + "/propertyValue", "the value \"" + value + "\" is already used at " + first));
        }
    }

    private static void unenrollment(List<Problem> problems, JourneyUnenrollment unenrollment) {
        ids(problems, "/unEnrollment/suppressionListIds", unenrollment.suppressionLists());
    }

    private static void conflicts(List<Problem> problems, String journeyId, JourneyDefinition definition,
                                  Collection<Journey> journeys) {
        if (definition.propertyName() == null) {
            return;
        }
        Set<String> lists = new HashSet<>(definition.listIds());
        for (Journey other : journeys) {
            if (other.id().equals(journeyId)) {
                continue;
            }
            var definitions = new ArrayList<JourneyDefinition>();
            definitions.add(other.draft());
            other.published().ifPresent(v -> definitions.add(v.definition()));
            for (JourneyDefinition theirs : definitions) {
                if (theirs != null && definition.propertyName().equals(theirs.propertyName())
                        && theirs.listIds().stream().anyMatch(lists::contains)) {
                    problems.add(new Problem("/enrollmentListIds", "journey " + other.id() + " (\""
                            + (theirs.name() == null ? "" : theirs.name()) + "\") already uses the property "
                            + definition.propertyName() + " with one of these lists: choose other lists or another property"));
                    break;
                }
            }
        }
    }

    private static void ids(List<Problem> problems, String at, List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null || ids.get(i).isBlank()) {
                problems.add(new Problem(at + "/" + i, "a list id cannot be empty"));
            }
        }
    }

    /** A blank text is as missing as an absent one: it names nothing. */
    private static boolean required(List<Problem> problems, String at, String field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            problems.add(new Problem(at + "/" + field, field + " is required"));
            return false;
        }
        return true;
    }
}
