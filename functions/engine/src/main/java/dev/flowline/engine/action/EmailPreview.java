package dev.flowline.engine.action;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactStore;
import dev.flowline.engine.crm.CrmObjectStore;
import dev.flowline.engine.email.EmailMessage;
import dev.flowline.engine.email.EmailTemplate;
import dev.flowline.engine.owner.OwnerDirectory;

/**
 * Fills a marketing email's template for a contact, as action {@code 0-4} does when it sends it: the same tokens,
 * values escaped in the HTML body. A preview has no flow, so {@code fetched_objects} tokens cannot be filled in it.
 */
public final class EmailPreview {

    private final Tokens tokens;

    public EmailPreview(OwnerDirectory owners, ContactStore contacts, CrmObjectStore crm) {
        this.tokens = new Tokens(owners, contacts, crm);
    }

    /** @throws IllegalArgumentException naming a token that cannot be filled for the contact */
    public EmailMessage fill(EmailTemplate template, Contact contact) {
        try {
            return fill(template, new ActionContext(null, null, contact, null, null, null, null, tokens));
        } catch (ActionFailure unresolved) {
            throw new IllegalArgumentException(unresolved.getMessage(), unresolved);
        }
    }

    static EmailMessage fill(EmailTemplate template, ActionContext context) {
        return new EmailMessage(context.fill(template.subject()),
                template.html() == null ? null : context.fillHtml(template.html()),
                template.text() == null ? null : context.fill(template.text()));
    }
}
