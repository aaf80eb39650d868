package dev.flowline.engine.action;

/** Where a sent SMS is: the provider may take a while (up to 72 hours, HubSpot says) to tell. */
public enum SmsStatus {
    PENDING,
    DELIVERED,
    FAILED
}
