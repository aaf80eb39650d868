package dev.flowline.engine.crm;

/** One record, contact or other, by its type and id: an end of an association. */
public record ObjectRef(CrmObjectType type, String id) {

    public static ObjectRef contact(String contactId) {
        return new ObjectRef(CrmObjectType.CONTACT, contactId);
    }

    public boolean isContact() {
        return type == CrmObjectType.CONTACT;
    }
}
