package dev.flowline.local;

import dev.flowline.aws.messaging.IdempotencyLedger;
import dev.flowline.engine.action.InternalEmail;
import dev.flowline.engine.action.Mailer;
import dev.flowline.engine.action.MarketingEmail;

/**
 * Sends each email once per idempotency key through the effects ledger, as {@code SesMailer} does in the cloud:
 * a redelivered step finds the email sent and sends nothing; a send that fails gives the key back.
 */
record ClaimingMailer(IdempotencyLedger ledger, Mailer mailer) implements Mailer {

    @Override
    public void sendMarketingEmail(MarketingEmail email) {
        ledger.sendOnce(email.idempotencyKey(), () -> mailer.sendMarketingEmail(email));
    }

    @Override
    public void sendInternalEmail(InternalEmail email) {
        ledger.sendOnce(email.idempotencyKey(), () -> mailer.sendInternalEmail(email));
    }
}
