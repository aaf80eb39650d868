package dev.flowline.engine.definition;

import dev.flowline.engine.contact.EmailAddress;
import dev.flowline.engine.contact.PropertyName;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;

/** Collects the problems of one definition, with the wording shared by all checks. */
final class Problems {

    private final List<Problem> found = new ArrayList<>();

    void add(Pointer at, String message) {
        found.add(new Problem(at.value(), message));
    }

    /** Reports {@code field} of the object at {@code parent} when it is missing; returns whether it is present. */
    boolean require(Pointer parent, String field, Object value) {
        if (value == null) {
            add(parent.field(field), field + " is required");
            return false;
        }
        return true;
    }

    /** Reports {@code field} when it is missing or not one of {@code allowed}; returns whether it is allowed. */
    boolean oneOf(Pointer parent, String field, String value, List<String> allowed) {
        if (!require(parent, field, value)) {
            return false;
        }
        if (!allowed.contains(value)) {
            add(parent.field(field), field + " " + quote(value) + " must be one of " + String.join(", ", allowed));
            return false;
        }
        return true;
    }

    /** Reports {@code field} when it is missing or not a property name ({@link PropertyName}). */
    void propertyName(Pointer parent, String field, String name) {
        if (require(parent, field, name)) {
            propertyName(parent.field(field), name);
        }
    }

    /** Reports the name at {@code at} unless it is a property name ({@link PropertyName}). */
    void propertyName(Pointer at, String name) {
        PropertyName.problem(name).ifPresent(problem -> add(at, problem));
    }

    /** Reports the address at {@code at} unless it is an email address ({@link EmailAddress}). */
    void emailAddress(Pointer at, String address) {
        EmailAddress.problem(address).ifPresent(problem -> add(at, problem));
    }

    /** Reports a discriminator naming something Flowline keeps in the definition but does not evaluate. */
    void notEvaluated(Pointer parent, String field, String kind, String what) {
        if (require(parent, field, kind)) {
            add(parent.field(field), what + " " + quote(kind) + " is not evaluated by Flowline");
        }
    }

    /** Reports an element that is JSON null, and hands every other element to {@code check} with its pointer. */
    <T> void each(Collection<T> items, Pointer at, BiConsumer<T, Pointer> check) {
        if (items == null) {
            return;
        }
        int i = 0;
        for (T item : items) {
            if (item == null) {
                add(at.index(i), "this entry must be a JSON object, not null");
            } else {
                check.accept(item, at.index(i));
            }
            i++;
        }
    }

    List<Problem> list() {
        return List.copyOf(found);
    }

    static String quote(Object value) {
        return "\"" + value + "\"";
    }
}
