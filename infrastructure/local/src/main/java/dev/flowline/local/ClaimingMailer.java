package dev.flowline.local;

import dev.flowline.aws.messaging.IdempotencyLedger;
import dev.flowline.engine.action.InternalEmail;
import dev.flowline.engine.action.Mailer;
import dev.flowline.engine.action.MarketingEmail;

/**
 * Claims each email's idempotency key in the effects ledger before handing it on, as {@code SesMailer} does in
 * the cloud, and gives the key back when the send fails: a redelivered step finds the claim and sends nothing.
 */
record ClaimingMailer(IdempotencyLedger ledger, Mailer mailer) implements Mailer {

    @Override
    public void sendMarketingEmail(MarketingEmail email) {
        once(email.idempotencyKey(), () -> mailer.sendMarketingEmail(email));
    }

    @Override
    public void sendInternalEmail(InternalEmail email) {
        once(email.idempotencyKey(), () -> mailer.sendInternalEmail(email));
    }

    private void once(String idempotencyKey, Runnable send) {
        if (!ledger.claim(idempotencyKey)) {
            return;
        }
        try {
            send.run();
        } catch (RuntimeException e) {
            ledger.release(idempotencyKey);
            throw e;
        }
    }
}
