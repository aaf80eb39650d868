package dev.flowline.aws;

import dev.flowline.aws.accounts.Account;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engines of the accounts a function instance has served lately, over one set of SDK clients. A function
 * handles messages of every account; building an engine is cheap, but not free, so the last {@value #CACHED}
 * are kept.
 */
public final class AwsEngines {

    static final int CACHED = 64;

    private final AwsEngine first;
    private final Map<Account, AwsEngine> engines = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Account, AwsEngine> eldest) {
            return size() > CACHED;
        }
    };

    /** Engines like {@code first}, which serves its own account. */
    public AwsEngines(AwsEngine first) {
        this.first = first;
        engines.put(first.account(), first);
    }

    public synchronized AwsEngine of(Account account) {
        return engines.computeIfAbsent(account, first::forAccount);
    }


    /** The configuration every engine shares. */
    public AwsConfig config() {
        return first.config();
    }
}
