package dev.flowline.engine.action;

import dev.flowline.engine.contact.ContactRecycleBin;
import dev.flowline.engine.definition.ActionType;
import dev.flowline.engine.definition.SingleConnectionAction;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Binds each entry of the {@link ActionType} catalogue to the handler that performs it, on the given ports. The
 * switch is exhaustive: a new catalogue entry does not compile until it says how it runs, or that it does not.
 */
public final class ActionHandlers {

    private ActionHandlers() {
    }

    /** The executor of every action kind, built-in actions on {@code ports}. */
    public static ActionExecutor executor(ActionPorts ports, WorkflowEnrolments workflows, StaticLists lists,
                                          ContactDeletion deletion) {
        Map<ActionType, ActionHandler<SingleConnectionAction>> handlers = new EnumMap<>(ActionType.class);
        for (ActionType type : ActionType.values()) {
            handler(type, ports, workflows, lists, deletion).ifPresent(handler -> handlers.put(type, handler));
        }
        return new ActionExecutor(handlers, new WebhookHandler(ports.webhooks()),
                new Tokens(ports.owners(), ports.contacts(), ports.crmObjects()));
    }

    /** The handler of {@code type}, or none for a type Flowline does not perform. */
    static Optional<ActionHandler<SingleConnectionAction>> handler(ActionType type, ActionPorts ports,
                                                                   WorkflowEnrolments workflows, StaticLists lists,
                                                                   ContactDeletion deletion) {
        return Optional.ofNullable(switch (type) {
            case DELAY -> DelayActions::forTimeOrUntilDayAndTime;
            case DELAY_UNTIL_DATE -> DelayActions::untilDate;
            case DELAY_UNTIL_EVENT -> DelayActions::untilEvent;
            case MARKETING_EMAIL -> MessageActions.marketingEmail(ports.mailer(), ports.emailTemplates());
            case INTERNAL_EMAIL -> MessageActions.internalEmail(ports.mailer(), ports.owners());
            case IN_APP_NOTIFICATION -> MessageActions.inAppNotification(ports.notifier(), ports.owners());
            case SMS -> new SmsAction(ports.sms(), ports.smsQuota());
            case SET_PROPERTY -> new SetPropertyAction(ports.records(), ports.crmObjects());
            case LIST_ADD_OR_REMOVE -> ListActions.addOrRemove(lists);
            case LIST_ADD -> ListActions.add(lists);
            case LIST_REMOVE -> ListActions.remove(lists);
            case ROTATE_OWNER -> new RotateOwnerAction(ports.owners(), ports.rotations());
            case ENROL_IN_WORKFLOW -> new EnrolInWorkflowAction(workflows);
            case MARKETING_STATUS -> SubscriptionActions::marketingStatus;
            case MANAGE_SUBSCRIPTION -> SubscriptionActions::subscription;
            case CREATE_TASK -> CreateActions.task(ports.records());
            case CREATE_RECORD -> CreateActions.record(ports.records());
            case DELETE_CONTACT -> (action, context) ->
                    deletion.delete(context.contact().id(), context.enrolment().enrolmentId())
                            ? Results.succeeded(action, "deleted the contact: restorable for "
                            + ContactRecycleBin.RETENTION.toDays() + " days, then erased")
                            : Results.skipped(action, "the contact was deleted already");
            case EMAIL_TO_ADDRESSES, CREATE_OR_ASSOCIATE, CREATE_NOTE, ASSOCIATION_LABEL,
                 ASSOCIATION_LABEL_2, ASSOCIATION_LABEL_3, SEQUENCE_ENROL, SEQUENCE_UNENROL, ADS_AUDIENCE -> null;
        });
    }
}
