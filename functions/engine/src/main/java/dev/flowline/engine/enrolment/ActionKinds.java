package dev.flowline.engine.enrolment;

import dev.flowline.engine.definition.AbTestBranchAction;
import dev.flowline.engine.definition.Action;
import dev.flowline.engine.definition.ListBranchAction;
import dev.flowline.engine.definition.SingleConnectionAction;
import dev.flowline.engine.definition.StaticBranchAction;

import java.util.Set;

/** Delays and branches: never moved by execution windows, and still run while a flow is turned off. */
final class ActionKinds {

    static final Set<String> DELAYS = Set.of("0-1", "0-35", "0-29");

    private ActionKinds() {
    }

    static boolean sendsMarketingEmail(Action action) {
        return action instanceof SingleConnectionAction single && "0-4".equals(single.actionTypeId());
    }

    static boolean isDelayOrBranch(Action action) {
        return switch (action) {
            case ListBranchAction b -> true;
            case StaticBranchAction b -> true;
            case AbTestBranchAction b -> true;
            case SingleConnectionAction single -> DELAYS.contains(single.actionTypeId());
            default -> false;
        };
    }
}
