package dev.flowline.engine.email;

import dev.flowline.engine.Page;

import java.util.Optional;

/** One account's marketing email templates, by content id. */
public interface EmailTemplates {

    Optional<EmailTemplate> template(String contentId);

    /** The templates in content id order, from after {@code after} (null: from the first). */
    Page<EmailTemplate> templates(String after, int limit);

    /** Creates or replaces the template of its content id. */
    void put(EmailTemplate template);

    /** @return whether there was a template to delete */
    boolean delete(String contentId);
}
