package dev.flowline.engine.journey;

/**
 * An end of a journey: a contact leaves when its property takes {@code propertyValue}, on its own or through a
 * "go to" action, which sets that value. Exactly one exit per journey is the goal; reaching it is a success,
 * reaching any other a failure. {@code staticListId}, when set, is the static list the contact is added to.
 */
public record JourneyExit(String exitId, String name, Boolean goal, String propertyValue, String staticListId) {

    public boolean isGoal() {
        return Boolean.TRUE.equals(goal);
    }
}
