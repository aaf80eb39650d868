package dev.flowline.engine.crm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static dev.flowline.engine.crm.CrmObjectType.COMPANY;
import static dev.flowline.engine.crm.CrmObjectType.CONTACT;
import static dev.flowline.engine.crm.CrmObjectType.DEAL;
import static dev.flowline.engine.crm.CrmObjectType.NOTE;
import static dev.flowline.engine.crm.CrmObjectType.TASK;
import static dev.flowline.engine.crm.CrmObjectType.TICKET;

/**
 * HubSpot's default ({@code HUBSPOT_DEFINED}) association types between the object types Flowline keeps. Each type
 * has a direction and an inverse: {@code task_to_contact} (204) one way is {@code contact_to_task} (203) the other.
 * Between a pair, the unlabeled type is the default; the primary company types (contact→company 1, deal→company 5,
 * ticket→company 26) carry the label "Primary" and always come with the unlabeled type, as in HubSpot.
 */
public final class AssociationTypes {

    public static final String HUBSPOT_DEFINED = "HUBSPOT_DEFINED";
    public static final String PRIMARY = "Primary";

    /** One association type of one direction. {@code label} is null for the unlabeled type. */
    public record Type(CrmObjectType from, CrmObjectType to, int id, String name, String label, int inverseId) {
    }

    private static final List<Type> TYPES = new ArrayList<>();

    static {
        pair(CONTACT, COMPANY, 279, 280, null);
        pair(CONTACT, COMPANY, 1, 2, PRIMARY);
        pair(CONTACT, DEAL, 4, 3, null);
        pair(CONTACT, TICKET, 15, 16, null);
        pair(CONTACT, TASK, 203, 204, null);
        pair(CONTACT, NOTE, 201, 202, null);
        pair(COMPANY, DEAL, 342, 341, null);
        pair(COMPANY, DEAL, 6, 5, PRIMARY);
        pair(COMPANY, TICKET, 340, 339, null);
        pair(COMPANY, TICKET, 25, 26, PRIMARY);
        pair(COMPANY, TASK, 191, 192, null);
        pair(COMPANY, NOTE, 189, 190, null);
        pair(DEAL, TICKET, 27, 28, null);
        pair(DEAL, TASK, 215, 216, null);
        pair(DEAL, NOTE, 213, 214, null);
        pair(TICKET, TASK, 229, 230, null);
        pair(TICKET, NOTE, 227, 228, null);
    }

    private AssociationTypes() {
    }

    /** Both directions; a labelled type's name is {@code a_to_b}, the unlabeled one's too unless a label exists. */
    private static void pair(CrmObjectType a, CrmObjectType b, int aToB, int bToA, String label) {
        boolean labelledPairExists = label == null && (a == CONTACT && b == COMPANY || a == COMPANY
                && (b == DEAL || b == TICKET));
        String suffix = labelledPairExists ? "_unlabeled" : "";
        TYPES.add(new Type(a, b, aToB, a.singular() + "_to_" + b.singular() + suffix, label, bToA));
        TYPES.add(new Type(b, a, bToA, b.singular() + "_to_" + a.singular() + suffix, label, aToB));
    }

    /** The ids of every type HubSpot defines. */
    static Set<Integer> definedIds() {
        Set<Integer> ids = new TreeSet<>();
        TYPES.forEach(type -> ids.add(type.id()));
        return ids;
    }

    /** The type {@code id} from {@code from} to {@code to}; empty when there is none in that direction. */
    public static Optional<Type> of(CrmObjectType from, CrmObjectType to, int id) {
        return first(t -> t.from() == from && t.to() == to && t.id() == id);
    }

    /** The type {@code id} from {@code from}, to whichever object type it leads; empty when there is none. */
    public static Optional<Type> from(CrmObjectType from, int id) {
        return first(t -> t.from() == from && t.id() == id);
    }

    /** The unlabeled type from {@code from} to {@code to}; empty when the two cannot be associated. */
    public static Optional<Type> unlabeled(CrmObjectType from, CrmObjectType to) {
        return first(t -> t.from() == from && t.to() == to && t.label() == null);
    }

    /** The first type that passes {@code test}: a loop, as every record a flow creates looks its types up. */
    private static Optional<Type> first(Predicate<Type> test) {
        for (Type type : TYPES) {
            if (test.test(type)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The inverse of each type id from {@code from} to {@code to}. */
    static Set<Integer> inverse(CrmObjectType from, CrmObjectType to, Set<Integer> ids) {
        var inverse = new TreeSet<Integer>();
        ids.forEach(id -> inverse.add(of(from, to, id).orElseThrow(() -> new IllegalArgumentException(
                "there is no association type " + id + " from " + from.plural() + " to " + to.plural())).inverseId()));
        return inverse;
    }
}
