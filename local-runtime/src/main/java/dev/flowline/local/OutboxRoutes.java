package dev.flowline.local;

import dev.flowline.aws.accounts.Account;
import dev.flowline.functions.api.ApiRequest;
import dev.flowline.functions.api.ApiResponse;
import dev.flowline.functions.api.Router;
import dev.flowline.functions.api.Routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code GET /flowline/v1/outbox}: the emails the local runtime wrote to its outbox folder instead of sending
 * them, for the account the request authenticated as only (its folder, {@code <outbox>/<account>/}), oldest first,
 * each with its sender, recipients, subject, idempotency key and file name; and {@code GET /flowline/v1/outbox/sms}:
 * the account's SMS ({@code <outbox>/<account>/sms/}), oldest first, each with its number, text, idempotency key,
 * flow, date and file name.
 */
final class OutboxRoutes implements Routes {

    static final String PATH = "/flowline/v1/outbox";
    static final String SMS_PATH = PATH + "/sms";
    private static final String EML = ".eml";

    private final Path outbox;
    private final Function<ApiRequest, Account> accountOf;

    /** @param accountOf the account a request authenticated as (the API handler has checked its token) */
    OutboxRoutes(Path outbox, Function<ApiRequest, Account> accountOf) {
        this.outbox = outbox;
        this.accountOf = accountOf;
    }

    record OutboxEmail(String fileName, String from, List<String> to, String subject, String idempotencyKey,
                       String date) {
    }

    record Outbox(List<OutboxEmail> results) {
    }

    record OutboxTextMessage(String fileName, String to, String body, String idempotencyKey, String flowId,
                             String date) {
    }

    record SmsOutbox(List<OutboxTextMessage> results) {
    }

    @Override
    public void register(Router router) {
        router.get(PATH, request -> ApiResponse.ok(new Outbox(files(OutboxMailer.folderOf(outbox,
                accountOf.apply(request)), EML).stream().map(OutboxRoutes::read).toList())))
                .get(SMS_PATH, request -> ApiResponse.ok(new SmsOutbox(files(OutboxSms.folderOf(outbox,
                        accountOf.apply(request)), OutboxSms.EXTENSION).stream().map(OutboxRoutes::readSms).toList())));
    }

    /** The folder's files with the extension, oldest first. */
    private static List<Path> files(Path folder, String extension) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(extension))
                    .sorted(Comparator.comparing(OutboxRoutes::modified).thenComparing(Path::getFileName)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OutboxTextMessage readSms(Path file) {
        Map<String, String> headers = headers(file);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String body = text.substring(text.indexOf("\n\n") + 2).stripTrailing();
            return new OutboxTextMessage(file.getFileName().toString(), headers.get("to"), body,
                    headers.get(OutboxMailer.IDEMPOTENCY_HEADER.toLowerCase(Locale.ROOT)),
                    headers.get("x-flowline-flow-id"), headers.get("date"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OutboxEmail read(Path file) {
        Map<String, String> headers = headers(file);
        String to = headers.getOrDefault("to", "");
        // "undisclosed-recipients:;" is an empty group: an internal email whose users have no address
        List<String> recipients = to.endsWith(":;") ? List.of()
                : Arrays.stream(to.split(",")).map(String::strip).filter(address -> !address.isEmpty()).toList();
        return new OutboxEmail(file.getFileName().toString(), headers.get("from"), recipients, headers.get("subject"),
                headers.get(OutboxMailer.IDEMPOTENCY_HEADER.toLowerCase(Locale.ROOT)), headers.get("date"));
    }

    /** The header lines up to the blank line, names in lower case; OutboxMailer writes each on one line. */
    private static Map<String, String> headers(Path file) {
        var headers = new HashMap<String, String>();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.takeWhile(line -> !line.isEmpty()).forEach(line -> {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                    headers.putIfAbsent(name, line.substring(colon + 1).strip());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return headers;
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
