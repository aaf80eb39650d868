package dev.flowline.engine.enrolment;

import dev.flowline.engine.definition.AbTestBranchAction;
import dev.flowline.engine.definition.Action;
import dev.flowline.engine.definition.ActionType;
import dev.flowline.engine.definition.CustomCodeAction;
import dev.flowline.engine.definition.ListBranchAction;
import dev.flowline.engine.definition.SingleConnectionAction;
import dev.flowline.engine.definition.StaticBranchAction;
import dev.flowline.engine.definition.UnknownAction;
import dev.flowline.engine.definition.WebhookAction;

import java.util.EnumSet;
import java.util.Set;

/** How an action paces a contact, from the {@link ActionType} catalogue; branches pace like delays. */
final class ActionKinds {

    private ActionKinds() {
    }

    static boolean sendsMarketingEmail(Action action) {
        return pacing(action) == ActionType.Pacing.MARKETING_EMAIL;
    }

    /** Delays and branches: never moved by execution windows, and still run while a flow is turned off. */
    static boolean isDelayOrBranch(Action action) {
        return pacing(action) == ActionType.Pacing.DELAY;
    }

    /**
     * Actions whose step changes the step's copy of the contact and the enrolment only, besides effects made once
     * per step key: delays, branches and properties set. The write of the step just before one can wait for its own.
     */
    static boolean runsInMemory(Action action) {
        return isDelayOrBranch(action) || action instanceof SingleConnectionAction single
                && ActionType.of(single.actionTypeId()).filter(ActionType.SET_PROPERTY::equals).isPresent();
    }

    /**
     * Actions that change the contact through its store rather than the step's copy of it (list memberships, the
     * events of an enrolment in another flow, its deletion): a step run after them in the same run reads it again.
     */
    static boolean changesContactElsewhere(Action action) {
        return action instanceof SingleConnectionAction single
                && ActionType.of(single.actionTypeId()).filter(CHANGE_CONTACT_ELSEWHERE::contains).isPresent();
    }

    private static final Set<ActionType> CHANGE_CONTACT_ELSEWHERE = EnumSet.of(ActionType.LIST_ADD_OR_REMOVE,
            ActionType.LIST_ADD, ActionType.LIST_REMOVE, ActionType.ENROL_IN_WORKFLOW, ActionType.DELETE_CONTACT);

    private static ActionType.Pacing pacing(Action action) {
        return switch (action) {
            case ListBranchAction branch -> ActionType.Pacing.DELAY;
            case StaticBranchAction branch -> ActionType.Pacing.DELAY;
            case AbTestBranchAction branch -> ActionType.Pacing.DELAY;
            case SingleConnectionAction single ->
                    ActionType.of(single.actionTypeId()).map(ActionType::pacing).orElse(ActionType.Pacing.ACTION);
            case WebhookAction webhook -> ActionType.Pacing.ACTION;
            case CustomCodeAction code -> ActionType.Pacing.ACTION;
            case UnknownAction unknown -> ActionType.Pacing.ACTION;
        };
    }
}
