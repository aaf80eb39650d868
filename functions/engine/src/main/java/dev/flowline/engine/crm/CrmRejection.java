package dev.flowline.engine.crm;

/** A CRM write refused for its input (an unknown object type, a missing record to associate): nothing was written. */
public final class CrmRejection extends RuntimeException {

    public CrmRejection(String reason) {
        super(reason);
    }
}
