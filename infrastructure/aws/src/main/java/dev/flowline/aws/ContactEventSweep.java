package dev.flowline.aws;

import dev.flowline.aws.dynamodb.PendingContactEvents;
import dev.flowline.aws.lambda.LogSafe;
import dev.flowline.engine.enrolment.ContactEventOutbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;

/**
 * Publishes, for every account, the contact events still pending {@link ContactEventOutbox#SWEEP_AFTER} after they
 * were saved: their writer failed after the write, or the bus refused them. The delay waker runs it every minute.
 * A contact whose events the bus refuses again keeps them for the next sweep; the others are published meanwhile.
 */
public final class ContactEventSweep {

    private static final System.Logger LOG = System.getLogger(ContactEventSweep.class.getName());

    /** What one sweep did: the events it published, and the contacts whose events stay pending. */
    public record Result(int published, int leftPending) {
    }

    private final AwsEngines engines;
    private final PendingContactEvents pending;
    private final Clock clock;

    public ContactEventSweep(AwsEngines engines, PendingContactEvents pending, Clock clock) {
        this.engines = engines;
        this.pending = pending;
        this.clock = clock;
    }

    public Result run() {
        Instant cutoff = clock.instant().minus(ContactEventOutbox.SWEEP_AFTER);
        int published = 0;
        int leftPending = 0;
        for (Iterator<PendingContactEvents.Pending> it = pending.savedBefore(cutoff).iterator(); it.hasNext(); ) {
            PendingContactEvents.Pending next = it.next();
            try {
                engines.of(next.account()).engine().contactEvents().publish(next.contactId(), next.events());
                published += next.events().size();
            } catch (RuntimeException e) {
                leftPending++;
                LOG.log(System.Logger.Level.WARNING, "the events of contact {0} stay pending: {1}", next.contactId(),
                        LogSafe.describe(e));
            }
        }
        return new Result(published, leftPending);
    }
}
