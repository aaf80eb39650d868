package dev.flowline.engine.crm;

import dev.flowline.engine.Page;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the account's CRM records (other than contacts) and the associations of any records, contacts included,
 * are kept. An association is stored in both directions ({@link Association#inverse}), so each end lists it.
 * Writes that name records other than contacts check them: a write never associates a record that is missing or
 * archived, and writes all of itself or nothing. Contacts are checked by the caller, in the contact store.
 */
public interface CrmObjectStore {

    /** What {@link #create} did. */
    enum Created {
        /** The record and its associations are written. */
        CREATED,
        /** A record of this type with this id exists: nothing was written. */
        EXISTS,
        /** An associated record other than a contact is missing or archived: nothing was written. */
        TARGET_MISSING
    }

    /** Creates the record with its associations (each direction given), all or nothing. */
    Created create(CrmObject object, List<Association> associations);

    /** The record, archived or not. */
    Optional<CrmObject> find(CrmObjectType type, String id);

    /** The records of these ids that exist, archived or not, in no particular order. */
    List<CrmObject> findAll(CrmObjectType type, Collection<String> ids);

    /** Sets these property values of a live record; empty when there is no live record of that id. */
    Optional<CrmObject> update(CrmObjectType type, String id, Map<String, String> properties, Instant at);

    /** Archives a live record and removes its associations; false when there is no live record of that id. */
    boolean archive(CrmObjectType type, String id, Instant at);

    /** The live records of a type in id order, {@code limit} at most, after the id {@code after} (null: first). */
    Page<CrmObject> page(CrmObjectType type, String after, int limit);

    /**
     * Adds the type ids of each association (each direction given) to those the pair has, all or nothing; false,
     * with nothing written, when a record other than a contact is missing or archived.
     */
    boolean associate(List<Association> associations);

    /**
     * The associations of {@code from} with records of {@code toType} in id order of those records: the records of a
     * type associated with a contact, for example.
     */
    Page<Association> associations(ObjectRef from, CrmObjectType toType, String after, int limit);

    /** Removes the association of the two records, both directions; nothing when there is none. */
    void removeAssociation(ObjectRef from, ObjectRef to);

    /** Removes every association of a record, both directions (a privacy deletion of a contact). */
    void removeAllAssociations(ObjectRef of);
}
