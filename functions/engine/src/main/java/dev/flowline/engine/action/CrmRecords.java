package dev.flowline.engine.action;

/**
 * Creates and updates CRM records for flows. The same idempotency key creates (or updates) at most once; a write
 * refused for its input is a {@link dev.flowline.engine.crm.CrmRejection}, with nothing written.
 */
public interface CrmRecords {

    /** @return the id of the task */
    String createTask(NewTask task);

    /** @return the id of the record */
    String createRecord(NewRecord record);

    /** Sets one property of a live record: false, with nothing written, when there is no such record. */
    boolean updateRecord(RecordUpdate update);
}
