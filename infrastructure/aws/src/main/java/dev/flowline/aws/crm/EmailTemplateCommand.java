package dev.flowline.aws.crm;

import dev.flowline.aws.OperatorCommand;
import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.dynamodb.DynamoContactStore;
import dev.flowline.aws.dynamodb.DynamoCrmObjectStore;
import dev.flowline.aws.dynamodb.FlowlineTables;
import dev.flowline.engine.action.EmailPreview;
import dev.flowline.engine.contact.ContactStore;
import dev.flowline.engine.crm.CrmObjectStore;
import dev.flowline.engine.email.EmailMessage;
import dev.flowline.engine.email.EmailTemplate;
import dev.flowline.engine.email.EmailTemplates;
import dev.flowline.engine.owner.OwnerDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The operators' command for an account's marketing email templates ({@code ./flowline-templates}), on the deployment
 * {@link OperatorCommand} finds. It writes what {@code PUT /flowline/v1/email-templates/{contentId}} writes:
 * <pre>
 * put ACCOUNT CONTENT_ID SUBJECT [html=FILE] [text=FILE]   creates or replaces a template; a body at least
 * get ACCOUNT CONTENT_ID                                   prints a template
 * list ACCOUNT                                             prints the content ids and subjects
 * delete ACCOUNT CONTENT_ID                                deletes a template
 * preview ACCOUNT CONTENT_ID CONTACT_ID                    prints the template filled in for the contact
 * </pre>
 */
public final class EmailTemplateCommand {

    static final String USAGE = "usage: flowline-templates put ACCOUNT CONTENT_ID SUBJECT [html=FILE] [text=FILE]"
            + " | get ACCOUNT CONTENT_ID | list ACCOUNT | delete ACCOUNT CONTENT_ID"
            + " | preview ACCOUNT CONTENT_ID CONTACT_ID";

    /** The stores one account's templates are written and previewed on. */
    record Stores(EmailTemplates templates, ContactStore contacts, OwnerDirectory owners, CrmObjectStore crm) {
    }

    private EmailTemplateCommand() {
    }

    public static void main(String[] args) {
        OperatorCommand.run("flowline-templates", USAGE, (env, clients) -> {
            try (var dynamo = clients.dynamoDb()) {
                var tables = FlowlineTables.fromEnvironment(env);
                List<String> arguments = List.of(args);
                if (arguments.size() < 2) {
                    throw new IllegalArgumentException("a command and an account are needed");
                }
                var account = new Account(arguments.get(1));
                return run(new Stores(new DynamoEmailTemplates(dynamo, tables, account),
                        new DynamoContactStore(dynamo, tables, account),
                        new DynamoOwnerDirectory(dynamo, tables, account),
                        new DynamoCrmObjectStore(dynamo, tables, account)), Clock.systemUTC(), arguments);
            }
        });
    }

    /** What the command prints for {@code args}, on the stores of the account {@code args} name. */
    static List<String> run(Stores stores, Clock clock, List<String> args) {
        EmailTemplates templates = stores.templates();
        return switch (args.getFirst()) {
            case "put" -> List.of(put(templates, clock, args));
            case "get" -> {
                need(args, 3, "which template?");
                yield lines(existing(templates, args.get(2)));
            }
            case "list" -> {
                var lines = new ArrayList<String>();
                String after = null;
                do {
                    var page = templates.templates(after, 100);
                    page.items().forEach(t -> lines.add(t.contentId() + "\t" + t.subject() + "\tupdated " + t.updatedAt()));
                    after = page.next().orElse(null);
                } while (after != null);
                yield lines;
            }
            case "delete" -> {
                need(args, 3, "which template?");
                if (!templates.delete(args.get(2))) {
                    throw new IllegalArgumentException("there is no template " + args.get(2));
                }
                yield List.of("template " + args.get(2) + " deleted");
            }
            case "preview" -> {
                need(args, 4, "a preview needs a template and a contact id");
                EmailTemplate template = existing(templates, args.get(2));
                var contact = stores.contacts().find(args.get(3))
                        .orElseThrow(() -> new IllegalArgumentException("there is no contact " + args.get(3)));
                EmailMessage message = new EmailPreview(stores.owners(), stores.contacts(), stores.crm()).fill(template, contact);
                yield lines(new EmailTemplate(template.contentId(), message.subject(), message.html(), message.text(),
                        template.createdAt(), template.updatedAt()));
            }
            default -> throw new IllegalArgumentException("unknown command " + args.getFirst());
        };
    }

    private static String put(EmailTemplates templates, Clock clock, List<String> args) {
        need(args, 4, "a template needs a content id and a subject");
        String contentId = args.get(2);
        Map<String, String> bodies = new HashMap<>();
        for (String option : args.subList(4, args.size())) {
            int equals = option.indexOf('=');
            if (equals < 1 || !List.of("html", "text").contains(option.substring(0, equals))) {
                throw new IllegalArgumentException("unknown option " + option);
            }
            bodies.put(option.substring(0, equals), read(Path.of(option.substring(equals + 1))));
        }
        var now = clock.instant();
        var created = templates.template(contentId).map(EmailTemplate::createdAt).orElse(now);
        var template = new EmailTemplate(contentId, args.get(3), bodies.get("html"), bodies.get("text"), created, now);
        if (!template.problems().isEmpty()) {
            throw new IllegalArgumentException(template.problems().stream()
                    .map(problem -> problem.field() + ": " + problem.message()).collect(Collectors.joining("; ")));
        }
        templates.put(template);
        return "template " + contentId + " saved";
    }

    private static EmailTemplate existing(EmailTemplates templates, String contentId) {
        return templates.template(contentId)
                .orElseThrow(() -> new IllegalArgumentException("there is no template " + contentId));
    }

    private static List<String> lines(EmailTemplate template) {
        var lines = new ArrayList<>(List.of("content id: " + template.contentId(), "subject: " + template.subject()));
        if (template.html() != null) {
            lines.addAll(List.of("", "html:", template.html()));
        }
        if (template.text() != null) {
            lines.addAll(List.of("", "text:", template.text()));
        }
        return lines;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("there is no file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void need(List<String> args, int count, String why) {
        if (args.size() < count) {
            throw new IllegalArgumentException(why);
        }
    }
}
