package dev.flowline.engine.list;

/**
 * How one contact's change of membership of a static list went: made, found already so (an earlier attempt made it,
 * or nothing was to be done), or refused with a plain reason (no such list, a DYNAMIC list, the contact is gone).
 */
public record MembershipChange(Outcome outcome, String reason) {

    public enum Outcome { CHANGED, ALREADY, REFUSED }

    static final MembershipChange CHANGED = new MembershipChange(Outcome.CHANGED, null);
    static final MembershipChange ALREADY = new MembershipChange(Outcome.ALREADY, null);

    static MembershipChange refused(String reason) {
        return new MembershipChange(Outcome.REFUSED, reason);
    }

    public boolean changed() {
        return outcome == Outcome.CHANGED;
    }

    public boolean refused() {
        return outcome == Outcome.REFUSED;
    }
}
