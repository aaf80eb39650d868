package dev.flowline.engine.action;

/**
 * The side-effect ports built-in actions use, by name. The engine's ports provide them; "enrol in another
 * workflow" is the engine's own service and comes to the actions separately ({@link WorkflowEnrolments}).
 */
public interface ActionPorts {

    Mailer mailer();

    Notifier notifier();

    CrmRecords records();

    OwnerDirectory owners();

    RotationState rotations();

    WebhookCaller webhooks();

    SmsSender sms();

    SmsQuota smsQuota();
}
