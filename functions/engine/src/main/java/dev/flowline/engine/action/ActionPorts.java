package dev.flowline.engine.action;

import dev.flowline.engine.contact.ContactStore;
import dev.flowline.engine.crm.CrmObjectStore;
import dev.flowline.engine.email.EmailTemplates;
import dev.flowline.engine.owner.OwnerDirectory;

/**
 * The side-effect ports built-in actions use, and the stores they read, by name. The engine's ports provide them; "enrol in another
 * workflow" is the engine's own service and comes to the actions separately ({@link WorkflowEnrolments}).
 */
public interface ActionPorts {

    Mailer mailer();

    /** The content of the marketing emails the mailer sends. */
    EmailTemplates emailTemplates();

    Notifier notifier();

    CrmRecords records();

    OwnerDirectory owners();

    RotationState rotations();

    WebhookCaller webhooks();

    SmsSender sms();

    SmsQuota smsQuota();

    /** The contacts personalisation tokens of fetched objects look up. */
    ContactStore contacts();

    /** The records associated with contacts, which fetched objects and set-property actions read. */
    CrmObjectStore crmObjects();
}
