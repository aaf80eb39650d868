package dev.flowline.local;

import dev.flowline.engine.action.InternalEmail;
import dev.flowline.engine.action.Mailer;
import dev.flowline.engine.action.MarketingEmail;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * The outbox with SES's throttling injected: an email the {@link FaultPlan} picks is refused, before anything is
 * written, with the error SES answers when the sending rate is exceeded.
 */
record ThrottledMailer(Mailer outbox, FaultPlan plan) implements Mailer {

    @Override
    public void sendMarketingEmail(MarketingEmail email) {
        refuseSometimes();
        outbox.sendMarketingEmail(email);
    }

    @Override
    public void sendInternalEmail(InternalEmail email) {
        refuseSometimes();
        outbox.sendInternalEmail(email);
    }

    private void refuseSometimes() {
        if (plan.inject(FaultPlan.Kind.SES_THROTTLE)) {
            throw TooManyRequestsException.builder().statusCode(429).message("Maximum sending rate exceeded (injected)")
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("TooManyRequestsException")
                            .serviceName("SESv2").build()).build();
        }
    }
}
