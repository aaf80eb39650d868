package dev.flowline.engine.email;

import dev.flowline.engine.Page;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Templates as the marketing email action reads them: each kept in memory for {@code ttl} on the clock, as flow
 * definitions are ({@code CachedFlowStore}), so that an edit reaches the emails within {@code ttl}. A zero
 * {@code ttl} keeps nothing. A put or delete through this store forgets the template; listings are read every time.
 */
public final class CachedEmailTemplates implements EmailTemplates {

    private record Kept(Optional<EmailTemplate> template, Instant until) {
    }

    private final EmailTemplates store;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Kept> byContentId = new ConcurrentHashMap<>();

    public CachedEmailTemplates(EmailTemplates store, Clock clock, Duration ttl) {
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public Optional<EmailTemplate> template(String contentId) {
        if (ttl.isZero()) {
            return store.template(contentId);
        }
        Instant now = clock.instant();
        Kept kept = byContentId.get(contentId);
        if (kept == null || !now.isBefore(kept.until())) {
            kept = new Kept(store.template(contentId), now.plus(ttl));
            byContentId.put(contentId, kept);
        }
        return kept.template();
    }

    @Override
    public Page<EmailTemplate> templates(String after, int limit) {
        return store.templates(after, limit);
    }

    @Override
    public void put(EmailTemplate template) {
        try {
            store.put(template);
        } finally {
            byContentId.remove(template.contentId());
        }
    }

    @Override
    public boolean delete(String contentId) {
        try {
            return store.delete(contentId);
        } finally {
            byContentId.remove(contentId);
        }
    }
}
