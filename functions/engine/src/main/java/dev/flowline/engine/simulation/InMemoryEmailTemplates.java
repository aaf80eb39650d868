package dev.flowline.engine.simulation;

import dev.flowline.engine.Page;
import dev.flowline.engine.email.EmailTemplate;
import dev.flowline.engine.email.EmailTemplates;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** Email templates held in memory. */
public final class InMemoryEmailTemplates implements EmailTemplates {

    private final Map<String, EmailTemplate> templates = new TreeMap<>();
    private final Function<String, Optional<EmailTemplate>> missing;

    public InMemoryEmailTemplates() {
        this(contentId -> Optional.empty());
    }

    private InMemoryEmailTemplates(Function<String, Optional<EmailTemplate>> missing) {
        this.missing = missing;
    }

    /**
     * A simulation's templates: a simulation does not hold the account's email content, so a content id with no
     * template put here sends a placeholder naming it, and the flow runs as it would with its content.
     */
    static InMemoryEmailTemplates withPlaceholders() {
        return new InMemoryEmailTemplates(contentId -> Optional.of(new EmailTemplate(contentId,
                "Marketing email " + contentId, null, "Marketing email " + contentId, Instant.EPOCH, Instant.EPOCH)));
    }

    @Override
    public synchronized Optional<EmailTemplate> template(String contentId) {
        EmailTemplate template = templates.get(contentId);
        return template != null ? Optional.of(template) : missing.apply(contentId);
    }

    @Override
    public synchronized Page<EmailTemplate> templates(String after, int limit) {
        return Pages.after(templates.values().stream(), EmailTemplate::contentId, after, limit);
    }

    @Override
    public synchronized void put(EmailTemplate template) {
        templates.put(template.contentId(), template);
    }

    @Override
    public synchronized boolean delete(String contentId) {
        return templates.remove(contentId) != null;
    }
}
