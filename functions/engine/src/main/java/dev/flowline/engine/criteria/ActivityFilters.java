package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.StandardEvents;

import java.util.List;
import java.util.function.Predicate;

/**
 * Filters on what a contact did (forms, page views, email events, custom events). Each looks at the
 * contact's events of its type once: narrowed to the {@code pruningRefineBy} window, matched, then counted against the
 * {@code coalescingRefineBy}. The negative operators are the negation over the same window.
 */
final class ActivityFilters {

    private ActivityFilters() {
    }

    static boolean formSubmission(FormSubmissionFilter filter, Contact contact, EvaluationContext context) {
        boolean filledOut = switch (String.valueOf(filter.operator())) {
            case "FILLED_OUT" -> true;
            case "NOT_FILLED_OUT" -> false;
            default -> throw unsupported("FORM_SUBMISSION operator", filter.operator());
        };
        String formId = filter.formId();
        String pageId = filter.pageId();
        Predicate<ActivityEvent> submitted = event ->
                (formId == null || formId.equals(event.properties().get(StandardEvents.FORM_ID)))
                && (pageId == null || pageId.equals(event.properties().get(StandardEvents.PAGE_ID)));
        return filledOut == happened(filter.pruningRefineBy(), filter.coalescingRefineBy(), contact, context,
                StandardEvents.FORM_SUBMISSION, submitted);
    }

    static boolean pageView(PageViewFilter filter, Contact contact, EvaluationContext context) {
        String pageUrl = filter.pageUrl();
        if (pageUrl == null) {
            throw new UnsupportedFilterException("a PAGE_VIEW filter needs a pageUrl");
        }
        return switch (String.valueOf(filter.operator())) {
            case "HAS_PAGEVIEW_EQ" -> viewed(filter, contact, context, url -> PageUrl.same(url, pageUrl));
            case "NOT_HAS_PAGEVIEW_EQ" -> !viewed(filter, contact, context, url -> PageUrl.same(url, pageUrl));
            case "HAS_PAGEVIEW_CONTAINS" -> viewed(filter, contact, context, url -> PageUrl.contains(url, pageUrl));
            case "NOT_HAS_PAGEVIEW_CONTAINS" ->
                    !viewed(filter, contact, context, url -> PageUrl.contains(url, pageUrl));
            case "HAS_PAGEVIEW_MATCHES_REGEX" ->
                    viewed(filter, contact, context, url -> PageUrl.matches(url, pageUrl));
            default -> throw unsupported("PAGE_VIEW operator", filter.operator());
        };
    }

    static boolean emailEvent(EmailEventFilter filter, Contact contact, EvaluationContext context) {
        EmailActivity activity = EmailActivity.of(filter.operator());
        if (activity.notHappened != null && Occurrences.AT_LEAST_ONCE.foundIn(contact.events(activity.notHappened),
                EventWindow.of(filter.pruningRefineBy(), context), emailEvent(activity.notHappened, filter))) {
            return false; // spoiled, as an open is by a reply in "opened but not replied"
        }
        return happened(filter.pruningRefineBy(), filter.coalescingRefineBy(), contact, context, activity.happened,
                emailEvent(activity.happened, filter));
    }

    static boolean event(EventFilter filter, Contact contact, EvaluationContext context) {
        boolean hasEvent = switch (String.valueOf(filter.operator())) {
            case "HAS_EVENT" -> true;
            case "NOT_HAS_EVENT" -> false;
            default -> throw unsupported("EVENT operator", filter.operator());
        };
        String eventTypeId = filter.eventId();
        if (eventTypeId == null) {
            throw new UnsupportedFilterException("an EVENT filter needs an eventId");
        }
        List<PropertyFilter> lines = filter.filterLines() == null ? List.of() : filter.filterLines();
        return hasEvent == happened(filter.pruningRefineBy(), filter.coalescingRefineBy(), contact, context,
                eventTypeId, event -> propertiesMatch(lines, event, context));
    }

    /**
     * Whether an event's properties pass every filter. Only PROPERTY filters (and constants) apply to an
     * event; anything else names data the event does not have.
     */
    static boolean propertiesMatch(List<? extends Filter> filters, ActivityEvent event, EvaluationContext context) {
        for (Filter filter : filters) {
            boolean passes = switch (filter) {
                case PropertyFilter property ->
                        PropertyOperations.matches(event, property.property(), property.operation(), context);
                case ConstantFilter constant -> FilterEvaluator.accepts(constant);
                default -> throw new UnsupportedFilterException(
                        "only PROPERTY filters apply to an event's properties, not " + filter);
            };
            if (!passes) {
                return false;
            }
        }
        return true;
    }

    /** Whether the contact's events of the type that pass {@code counted} occur as often as the refine-bys ask. */
    static boolean happened(PruningRefineBy pruning, CoalescingRefineBy coalescing, Contact contact,
                            EvaluationContext context, String eventTypeId, Predicate<ActivityEvent> counted) {
        return Occurrences.of(coalescing).foundIn(contact.events(eventTypeId), EventWindow.of(pruning, context), counted);
    }

    private static boolean viewed(PageViewFilter filter, Contact contact, EvaluationContext context,
                                  Predicate<String> urlTest) {
        return happened(filter.pruningRefineBy(), filter.coalescingRefineBy(), contact, context,
                StandardEvents.PAGE_VIEW, event -> {
                    String url = event.properties().get(StandardEvents.URL);
                    return url != null && urlTest.test(url);
                });
    }

    /** Events (of a type) about the filter's email (and app, and clicked link, when the filter names them). */
    private static Predicate<ActivityEvent> emailEvent(String eventTypeId, EmailEventFilter filter) {
        String emailId = filter.emailId();
        String appId = filter.appId() == null ? null : filter.appId().toString();
        String clickUrl = StandardEvents.EMAIL_CLICK.equals(eventTypeId) ? filter.clickUrl() : null;
        return event -> (emailId == null || emailId.equals(event.properties().get(StandardEvents.EMAIL_ID)))
                && (appId == null || appId.equals(event.properties().get(StandardEvents.APP_ID)))
                && (clickUrl == null || clicked(event, clickUrl));
    }

    private static boolean clicked(ActivityEvent click, String clickUrl) {
        String url = click.properties().get(StandardEvents.URL);
        return url != null && PageUrl.same(url, clickUrl);
    }

    private static UnsupportedFilterException unsupported(String what, String value) {
        return new UnsupportedFilterException(what + " " + value + " is not supported");
    }
}
