package dev.flowline.engine.contact;

import java.util.Optional;

/** Where contacts live. A contact that is not found has been deleted. */
public interface ContactStore {

    Optional<Contact> find(String contactId);

    void save(Contact contact);
}
