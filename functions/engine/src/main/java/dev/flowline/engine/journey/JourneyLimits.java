package dev.flowline.engine.journey;

/**
 * The journey limits of HubSpot's KB: stages per journey, actions per stage, enrolment lists, and journeys
 * per account, which an operator can configure ({@value #DEFAULT_MAX_JOURNEYS} by default, HubSpot's figure).
 */
public record JourneyLimits(int maxJourneys) {

    public static final int DEFAULT_MAX_JOURNEYS = 10;
    public static final int MAX_STAGES = 10;
    public static final int MAX_ACTIONS_PER_STAGE = 50;
    public static final int MAX_LISTS = 5;

    public static final JourneyLimits DEFAULT = new JourneyLimits(DEFAULT_MAX_JOURNEYS);
}
