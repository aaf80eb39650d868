package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.Engine;
import dev.flowline.engine.Page;
import dev.flowline.engine.action.EmailPreview;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactStore;
import dev.flowline.engine.email.EmailMessage;
import dev.flowline.engine.email.EmailTemplate;
import dev.flowline.engine.email.EmailTemplates;
import dev.flowline.engine.json.FlowlineJson;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The account's marketing email templates ({@code /flowline/v1/email-templates/{contentId}}): the content action
 * {@code 0-4} sends for its {@code content_id}, filled in with the contact's tokens. HubSpot keeps this content in
 * its marketing email tool; Flowline keeps it here, per account.
 */
final class EmailTemplateRoutes implements Routes {

    private static final String TEMPLATES = FlowlineRoutes.PREFIX + "/email-templates";

    private final Clock clock;
    private final EmailTemplates templates;
    private final ContactStore contacts;
    private final EmailPreview preview;

    EmailTemplateRoutes(Engine engine) {
        this.clock = engine.ports().clock();
        this.templates = engine.ports().emailTemplates();
        this.contacts = engine.ports().contacts();
        this.preview = new EmailPreview(engine.ports().owners(), contacts, engine.ports().crmObjects());
    }

    @Override
    public void register(Router router) {
        router.get(TEMPLATES, this::list)
                .get(TEMPLATES + "/{contentId}", request -> ApiResponse.ok(json(existing(request))))
                .delete(TEMPLATES + "/{contentId}", this::delete)
                .put(TEMPLATES + "/{contentId}", this::put)
                .post(TEMPLATES + "/{contentId}/preview", this::preview);
    }

    private ApiResponse list(ApiRequest request) {
        Page<EmailTemplate> page = templates.templates(request.queryParameter("after").orElse(null),
                Paging.limit(request, 20, 100));
        ObjectNode body = FlowlineJson.mapper().createObjectNode();
        var results = body.putArray("results");
        page.items().forEach(template -> results.add(json(template)));
        Paging.next(body, page.next());
        return ApiResponse.ok(body);
    }

    /** Creates or replaces the template: {@code {subject, html, text}}, a subject and at least one body. */
    private ApiResponse put(ApiRequest request) {
        String contentId = request.pathParameter("contentId");
        JsonNode body = request.json();
        Instant now = clock.instant();
        Instant created = templates.template(contentId).map(EmailTemplate::createdAt).orElse(now);
        var template = new EmailTemplate(contentId, text(body, "subject"), text(body, "html"), text(body, "text"),
                created, now);
        ContactRoutes.requireValid(template.problems().stream()
                .map(problem -> new ApiError("/" + problem.field(), problem.message())).toList());
        templates.put(template);
        return ApiResponse.ok(json(template));
    }

    private ApiResponse delete(ApiRequest request) {
        String contentId = request.pathParameter("contentId");
        if (!templates.delete(contentId)) {
            throw notFound(contentId);
        }
        return ApiResponse.noContent();
    }

    /** The template filled in for the contact {@code {contactId}}, as the flow would send it. */
    private ApiResponse preview(ApiRequest request) {
        EmailTemplate template = existing(request);
        String contactId = text(request.json(), "contactId");
        if (contactId == null) {
            throw ApiException.invalid("a preview is for a contact",
                    List.of(new ApiError("/contactId", "contactId is required")));
        }
        Contact contact = contacts.find(contactId)
                .orElseThrow(() -> ApiException.notFound("Could not find contact " + contactId));
        EmailMessage message;
        try {
            message = preview.fill(template, contact);
        } catch (IllegalArgumentException unresolved) {
            throw ApiException.badRequest(unresolved.getMessage());
        }
        ObjectNode json = FlowlineJson.mapper().createObjectNode().put("contentId", template.contentId())
                .put("contactId", contact.id()).put("to", contact.email().orElse(null))
                .put("subject", message.subject());
        return ApiResponse.ok(json.put("html", message.html()).put("text", message.text()));
    }

    private EmailTemplate existing(ApiRequest request) {
        String contentId = request.pathParameter("contentId");
        return templates.template(contentId).orElseThrow(() -> notFound(contentId));
    }

    private static ApiException notFound(String contentId) {
        return ApiException.notFound("Could not find email template " + contentId);
    }

    private static ObjectNode json(EmailTemplate template) {
        return FlowlineJson.mapper().createObjectNode().put("contentId", template.contentId())
                .put("subject", template.subject()).put("html", template.html()).put("text", template.text())
                .put("createdAt", template.createdAt().toString()).put("updatedAt", template.updatedAt().toString());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }
}
