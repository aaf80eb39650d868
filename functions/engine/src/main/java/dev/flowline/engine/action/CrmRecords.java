package dev.flowline.engine.action;

/**
 * Creates CRM records for flows. The same idempotency key creates at most one record; a record refused for its
 * input is a {@link dev.flowline.engine.crm.CrmRejection}, with nothing created.
 */
public interface CrmRecords {

    /** @return the id of the task */
    String createTask(NewTask task);

    /** @return the id of the record */
    String createRecord(NewRecord record);
}
