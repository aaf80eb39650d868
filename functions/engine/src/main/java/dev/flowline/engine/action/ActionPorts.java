package dev.flowline.engine.action;

/** The side-effect ports built-in actions use; adapters (AWS, local, simulator) provide them. */
public record ActionPorts(Mailer mailer, Notifier notifier, CrmRecords records, OwnerDirectory owners,
                          RotationState rotations, WorkflowEnrolments workflows, WebhookCaller webhooks,
                          SmsSender sms, SmsQuota smsQuota) {
}
