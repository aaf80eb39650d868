package dev.flowline.engine.email;

import dev.flowline.engine.Page;
import dev.flowline.engine.definition.KeptForTtl;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Templates as the marketing email action reads them: each kept in memory for {@code ttl} on the clock, as flow
 * definitions are ({@code CachedFlowStore}), so that an edit reaches the emails within {@code ttl}. A zero
 * {@code ttl} keeps nothing. A put or delete through this store forgets the template; listings are read every time.
 */
public final class CachedEmailTemplates implements EmailTemplates {

    private final EmailTemplates store;
    private final KeptForTtl<String, Optional<EmailTemplate>> byContentId;

    public CachedEmailTemplates(EmailTemplates store, Clock clock, Duration ttl) {
        this.store = store;
        this.byContentId = new KeptForTtl<>(clock, ttl);
    }

    @Override
    public Optional<EmailTemplate> template(String contentId) {
        return byContentId.get(contentId, store::template);
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
            byContentId.forget(template.contentId());
        }
    }

    @Override
    public boolean delete(String contentId) {
        try {
            return store.delete(contentId);
        } finally {
            byContentId.forget(contentId);
        }
    }
}
