package dev.flowline.engine.action;

import dev.flowline.engine.definition.SingleConnectionAction;

import java.util.ArrayList;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Rotate record to owner ({@code 0-11}): assigns the contact to the chosen users and the eligible members
 * of the chosen teams in turn, so that each gets an even share. {@code target_property} defaults to
 * {@code hubspot_owner_id}; unless {@code overwrite_current_owner} is "true", a contact that already has an
 * owner keeps it.
 */
final class RotateOwnerAction implements ActionHandler<SingleConnectionAction> {

    static final String DEFAULT_OWNER_PROPERTY = "hubspot_owner_id";

    private final OwnerDirectory directory;
    private final RotationState rotations;

    RotateOwnerAction(OwnerDirectory directory, RotationState rotations) {
        this.directory = directory;
        this.rotations = rotations;
    }

    @Override
    public StepResult execute(SingleConnectionAction action, ActionContext context) {
        String property = Fields.text(action.fields(), "target_property");
        String target = property.isBlank() ? DEFAULT_OWNER_PROPERTY : property;
        Optional<String> current = context.contact().value(target);
        if (current.isPresent() && !"true".equalsIgnoreCase(Fields.text(action.fields(), "overwrite_current_owner"))) {
            return Results.skipped(action, "the contact already has an owner (" + current.get()
                    + ") and the action does not overwrite it");
        }
        SortedSet<String> owners = owners(action);
        if (owners.isEmpty()) {
            return Results.failed(action, "no eligible owner to rotate to");
        }
        long turn = rotations.nextTurn(context.flow().id() + "/" + action.actionId(), owners, context.idempotencyKey());
        String owner = new ArrayList<>(owners).get((int) (turn % owners.size()));
        context.contact().setProperty(target, owner, context.now());
        return Results.succeeded(action, "assigned to owner " + owner + " in " + target);
    }

    private SortedSet<String> owners(SingleConnectionAction action) {
        SortedSet<String> owners = new TreeSet<>(Fields.list(action.fields(), "user_ids"));
        for (String team : Fields.list(action.fields(), "team_ids")) {
            owners.addAll(directory.eligibleMembers(team));
        }
        return owners;
    }
}
