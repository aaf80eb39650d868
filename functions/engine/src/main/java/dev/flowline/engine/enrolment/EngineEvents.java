package dev.flowline.engine.enrolment;

import dev.flowline.engine.contact.ActivityEvent;

/**
 * Publishes what the engine itself makes happen to a contact, so that other flows can react: its own events
 * (enrolled, unenrolled, goal met) and property changes made by actions.
 */
public interface EngineEvents {

    void activity(String contactId, ActivityEvent event);

    void propertiesChanged(String contactId, java.util.Set<String> properties);
}
