package dev.flowline.engine.simulation;

import dev.flowline.engine.Page;
import dev.flowline.engine.list.ContactList;
import dev.flowline.engine.list.ListStore;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Contact lists held in memory, with the members of MANUAL and SNAPSHOT lists in id order. */
public final class InMemoryListStore implements ListStore {

    private final Map<String, ContactList> lists = new HashMap<>();
    private final Map<String, Set<String>> members = new HashMap<>();

    @Override
    public synchronized Optional<ContactList> list(String listId) {
        return Optional.ofNullable(lists.get(listId));
    }

    @Override
    public synchronized boolean create(ContactList list) {
        return lists.putIfAbsent(list.listId(), list) == null;
    }

    @Override
    public synchronized void delete(String listId) {
        lists.remove(listId);
        members.remove(listId);
    }

    @Override
    public synchronized Page<String> members(String listId, String after, int limit) {
        return Pages.after(members.getOrDefault(listId, Set.of()).stream(), Function.identity(), after, limit);
    }

    @Override
    public synchronized void addMembers(String listId, Collection<String> contactIds) {
        members.computeIfAbsent(listId, id -> new TreeSet<>()).addAll(contactIds);
    }

    @Override
    public synchronized void removeMembers(String listId, Collection<String> contactIds) {
        Set<String> ofList = members.get(listId);
        if (ofList != null) {
            ofList.removeAll(contactIds);
        }
    }

    @Override
    public synchronized void removeFromAllLists(String contactId) {
        members.values().forEach(ofList -> ofList.remove(contactId));
    }
}
