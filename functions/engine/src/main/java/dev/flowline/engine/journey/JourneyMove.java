package dev.flowline.engine.journey;

/**
 * One step of a contact's path through a journey: from a stage (null when it enrolled or was inactive) to a stage, an exit, or
 * out ({@code to} is a stage id, an exit id, or null when it became inactive or was unenrolled).
 *
 * @param kind what happened, as {@link Kind}
 * @param at   when (ISO-8601)
 */
public record JourneyMove(String fromStageId, Kind kind, String to, String at) {

    public enum Kind { ENROLLED, STAGE, EXIT, INACTIVE, UNENROLLED }
}
