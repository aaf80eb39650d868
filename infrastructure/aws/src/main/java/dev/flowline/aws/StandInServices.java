package dev.flowline.aws;

import dev.flowline.engine.action.CrmRecords;
import dev.flowline.engine.action.NewRecord;
import dev.flowline.engine.action.NewTask;
import dev.flowline.engine.action.SmsMessage;
import dev.flowline.engine.action.SmsQuota;
import dev.flowline.engine.action.SmsSender;
import dev.flowline.engine.action.SmsStatus;

import java.time.YearMonth;

/**
 * The services Flowline has no AWS backend for yet. Tasks and records are logged and dropped; SMS are never sent (no
 * provider is connected), so the SMS action fails, and the monthly quota is not counted.
 */
final class StandInServices implements CrmRecords, SmsSender, SmsQuota {

    private static final System.Logger LOG = System.getLogger(StandInServices.class.getName());

    @Override
    public void createTask(NewTask task) {
        LOG.log(System.Logger.Level.INFO, "task {0} dropped: no CRM is connected", task.idempotencyKey());
    }

    @Override
    public void createRecord(NewRecord record) {
        LOG.log(System.Logger.Level.INFO, "record {0} dropped: no CRM is connected", record.idempotencyKey());
    }

    @Override
    public String send(SmsMessage message) {
        return "unsent-" + message.idempotencyKey();
    }

    @Override
    public SmsStatus status(String messageId) {
        return SmsStatus.FAILED;
    }

    @Override
    public boolean reserve(YearMonth month, int limit, String idempotencyKey) {
        return true;
    }
}
