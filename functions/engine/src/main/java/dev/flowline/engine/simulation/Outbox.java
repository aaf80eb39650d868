package dev.flowline.engine.simulation;

import dev.flowline.engine.action.InternalEmail;
import dev.flowline.engine.action.Mailer;
import dev.flowline.engine.action.MarketingEmail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Records what a simulation would have sent, once per idempotency key, as the real adapters do. */
public final class Outbox implements Mailer {

    private final Set<String> keys = new HashSet<>();
    private final List<MarketingEmail> marketingEmails = new ArrayList<>();
    private final List<InternalEmail> internalEmails = new ArrayList<>();

    @Override
    public void sendMarketingEmail(MarketingEmail email) {
        if (keys.add(email.idempotencyKey())) {
            marketingEmails.add(email);
        }
    }

    @Override
    public void sendInternalEmail(InternalEmail email) {
        if (keys.add(email.idempotencyKey())) {
            internalEmails.add(email);
        }
    }

    public List<MarketingEmail> marketingEmails() {
        return List.copyOf(marketingEmails);
    }

    public List<InternalEmail> internalEmails() {
        return List.copyOf(internalEmails);
    }
}
