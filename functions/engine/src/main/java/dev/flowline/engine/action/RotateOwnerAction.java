package dev.flowline.engine.action;

import dev.flowline.engine.definition.SingleConnectionAction;
import dev.flowline.engine.owner.Owner;
import dev.flowline.engine.owner.OwnerDirectory;

import java.util.ArrayList;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Rotate record to owner ({@code 0-11}): assigns the contact to the owners of the chosen users and the main-team
 * members of the chosen teams (from the owner directory) in turn, so that each gets an even share; a user or team
 * the directory does not have fails the action. {@code target_property} defaults to
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
            return Results.failed(action, "no eligible owner to rotate to: the chosen teams have no active main-team member");
        }
        long turn = rotations.nextTurn(context.flow().id() + "/" + action.actionId(), owners, context.idempotencyKey());
        String owner = new ArrayList<>(owners).get((int) (turn % owners.size()));
        context.contact().setProperty(target, owner, context.now());
        return Results.succeeded(action, "assigned to owner " + owner + " in " + target);
    }

    private SortedSet<String> owners(SingleConnectionAction action) {
        var recipients = new Recipients(directory).users(Fields.list(action.fields(), "user_ids"))
                .teams(Fields.list(action.fields(), "team_ids"));
        return recipients.found().stream().map(Owner::id).collect(Collectors.toCollection(TreeSet::new));
    }
}
