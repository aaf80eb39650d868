package dev.flowline.engine.criteria;

import dev.flowline.engine.json.Union;

import java.util.Map;

/** A leaf of the filter tree, told apart by {@code filterType}. */
public sealed interface Filter
        permits PropertyFilter, InListFilter, FormSubmissionFilter, PageViewFilter, EmailEventFilter, EventFilter,
        ConstantFilter, UnknownFilter {

    Union<Filter> UNION = Union.of(Filter.class, "filterType", Map.of(
            "PROPERTY", PropertyFilter.class,
            "IN_LIST", InListFilter.class,
            "FORM_SUBMISSION", FormSubmissionFilter.class,
            "FORM_SUBMISSION_ON_PAGE", FormSubmissionFilter.class,
            "PAGE_VIEW", PageViewFilter.class,
            "EMAIL_EVENT", EmailEventFilter.class,
            "EVENT", EventFilter.class,
            "CONSTANT", ConstantFilter.class), UnknownFilter::new);
}
