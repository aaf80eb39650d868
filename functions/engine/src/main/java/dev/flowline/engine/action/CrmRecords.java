package dev.flowline.engine.action;

/** Creates CRM records for flows. The same idempotency key creates at most one record. */
public interface CrmRecords {

    void createTask(NewTask task);

    void createRecord(NewRecord record);
}
