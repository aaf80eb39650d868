package dev.flowline.engine.action;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.EmailAddress;
import dev.flowline.engine.definition.SingleConnectionAction;
import dev.flowline.engine.email.EmailTemplate;
import dev.flowline.engine.email.EmailTemplates;
import dev.flowline.engine.owner.OwnerDirectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The messages a flow sends: a marketing email to the contact ({@code 0-4}), an internal email
 * ({@code 0-8}) and an in-app notification ({@code 0-9}) to users, found in the owner directory. A message nobody
 * can receive, or naming a user, team or owner the directory does not have, fails with the reason, and the contact
 * goes on.
 */
final class MessageActions {

    static final String EMAIL_OPT_OUT = "hs_email_optout";
    static final String MARKETABLE_STATUS = "hs_marketable_status";

    private MessageActions() {
    }

    static ActionHandler<SingleConnectionAction> marketingEmail(Mailer mailer, EmailTemplates templates) {
        return (action, context) -> marketingEmail(mailer, templates, action, context);
    }

    static ActionHandler<SingleConnectionAction> internalEmail(Mailer mailer, OwnerDirectory directory) {
        return (action, context) -> internalEmail(mailer, directory, action, context);
    }

    static ActionHandler<SingleConnectionAction> inAppNotification(Notifier notifier, OwnerDirectory directory) {
        return (action, context) -> inAppNotification(notifier, directory, action, context);
    }

    /** The account's template of the email, filled for the contact; no template fails the action with its id. */
    private static StepResult marketingEmail(Mailer mailer, EmailTemplates templates, SingleConnectionAction action,
                                             ActionContext context) {
        String contentId = Fields.text(action.fields(), "content_id");
        Contact contact = context.contact();
        Optional<String> refusal = contentId.isBlank() ? Optional.of("the action names no email")
                : whyNotMarketable(contact);
        if (refusal.isPresent()) {
            return Results.failed(action, refusal.get());
        }
        Optional<EmailTemplate> template = templates.template(contentId);
        if (template.isEmpty()) {
            return Results.failed(action, "the email template " + contentId + " does not exist in this account");
        }
        String to = contact.email().orElseThrow();
        mailer.sendMarketingEmail(new MarketingEmail(context.idempotencyKey(), context.flow().id(), contact.id(), to,
                contentId, EmailPreview.fill(template.get(), context)));
        return Results.succeeded(action, "sent marketing email " + contentId + " to " + to);
    }

    /** Why a marketing email cannot go to the contact, if it cannot. */
    private static Optional<String> whyNotMarketable(Contact contact) {
        if (contact.email().isEmpty()) {
            return Optional.of("the contact has no email address");
        }
        Optional<String> badAddress = EmailAddress.problem(contact.email().get());
        if (badAddress.isPresent()) {
            return Optional.of("the contact's email is not an address mail can go to: " + badAddress.get());
        }
        if (contact.value(EMAIL_OPT_OUT).filter("true"::equalsIgnoreCase).isPresent()) {
            return Optional.of("the contact unsubscribed from all email");
        }
        if (contact.value(MARKETABLE_STATUS).filter("false"::equalsIgnoreCase).isPresent()) {
            return Optional.of("the contact is not a marketing contact");
        }
        return Optional.empty();
    }

    private static StepResult internalEmail(Mailer mailer, OwnerDirectory directory, SingleConnectionAction action,
                                            ActionContext context) {
        List<String> users = Fields.list(action.fields(), "user_ids");
        List<String> teams = Fields.list(action.fields(), "team_ids");
        var owners = new ArrayList<String>();
        for (String property : Fields.list(action.fields(), "owner_properties")) {
            context.contact().value(property).filter(owner -> !owner.isBlank()).ifPresent(owners::add);
        }
        if (users.isEmpty() && teams.isEmpty() && owners.isEmpty()) {
            return Results.failed(action, "the internal email has no recipient: no users, no teams, and the contact has no owner in the chosen properties");
        }
        List<String> to = new Recipients(directory).users(users).teams(teams).owners(owners).emails();
        if (to.isEmpty()) {
            return Results.failed(action, "none of the internal email's users, teams and owners has an email address in the owner directory");
        }
        mailer.sendInternalEmail(new InternalEmail(context.idempotencyKey(), context.flow().id(),
                context.contact().id(), to, text(action, "subject", context), text(action, "body", context)));
        return Results.succeeded(action, "sent internal email to " + count(to.size()));
    }

    private static StepResult inAppNotification(Notifier notifier, OwnerDirectory directory,
                                                SingleConnectionAction action, ActionContext context) {
        List<String> users = Fields.list(action.fields(), "user_ids");
        if (users.isEmpty()) {
            return Results.failed(action, "the notification has no recipient");
        }
        var recipients = new Recipients(directory).users(users);
        notifier.notify(new InAppNotification(context.idempotencyKey(), context.flow().id(), context.contact().id(),
                users, recipients.emails(), Fields.text(action.fields(), "delivery_method"),
                text(action, "subject", context), text(action, "body", context), context.now()));
        return Results.succeeded(action, "sent in-app notification to " + count(users.size()));
    }

    private static String text(SingleConnectionAction action, String field, ActionContext context) {
        return context.fill(Fields.text(action.fields(), field));
    }

    private static String count(int recipients) {
        return recipients == 1 ? "1 recipient" : recipients + " recipients";
    }
}
