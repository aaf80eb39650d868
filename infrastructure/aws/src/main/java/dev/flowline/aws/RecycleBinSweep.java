package dev.flowline.aws;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.dynamodb.DynamoContactRecycleBin;
import dev.flowline.aws.dynamodb.FlowlineTables;
import dev.flowline.aws.lambda.LogSafe;
import dev.flowline.engine.contact.ContactRecycleBin;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;

/**
 * Erases for good, in every account, the contacts deleted more than {@link ContactRecycleBin#RETENTION} ago. The
 * delay waker runs it on its sweep in the first minute of each hour, so a contact is erased within the hour after
 * its retention ends.
 */
public final class RecycleBinSweep {

    private static final System.Logger LOG = System.getLogger(RecycleBinSweep.class.getName());

    private final AwsEngines engines;
    private final DynamoDbClient dynamo;
    private final FlowlineTables tables;
    private final Clock clock;

    public RecycleBinSweep(AwsEngines engines, DynamoDbClient dynamo, FlowlineTables tables, Clock clock) {
        this.engines = engines;
        this.dynamo = dynamo;
        this.tables = tables;
        this.clock = clock;
    }

    /** Whether this sweep is the hour's, which also empties the recycle bins. */
    public boolean due() {
        return clock.instant().getEpochSecond() / 60 % 60 == 0;
    }

    /** Returns how many contacts were erased. */
    public int run() {
        Instant cutoff = clock.instant().minus(ContactRecycleBin.RETENTION);
        int erased = 0;
        for (Account account : DynamoContactRecycleBin.accountsWithDeletedBefore(dynamo, tables, cutoff)) {
            try {
                int batch;
                do {
                    batch = engines.of(account).engine().contactRecycling().purge();
                    erased += batch;
                } while (batch > 0);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "the deleted contacts of account {0} wait for the next sweep: {1}",
                        account, LogSafe.describe(e));
            }
        }
        return erased;
    }
}
