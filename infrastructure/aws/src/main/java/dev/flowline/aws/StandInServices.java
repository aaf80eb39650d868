package dev.flowline.aws;

import dev.flowline.engine.action.SmsMessage;
import dev.flowline.engine.action.SmsQuota;
import dev.flowline.engine.action.SmsSender;
import dev.flowline.engine.action.SmsStatus;

import java.time.YearMonth;

/** SMS are never sent (no provider is connected), so the SMS action fails, and the monthly quota is not counted. */
final class StandInServices implements SmsSender, SmsQuota {

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
