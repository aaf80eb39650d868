package dev.flowline.engine.contact;

/** A contact's state for one communication subscription. */
public enum SubscriptionState {
    OPT_IN,
    OPT_OUT,
    NOT_SPECIFIED
}
