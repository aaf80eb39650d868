package dev.flowline.local;

import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.action.InternalEmail;
import dev.flowline.engine.action.Mailer;
import dev.flowline.engine.action.MarketingEmail;
import dev.flowline.engine.email.EmailMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Writes each email to the outbox folder as an RFC 822 message ({@code .eml}) instead of sending it, in the folder
 * of the account it is sent for ({@code <outbox>/<account>/}): the account whose step is running, which the
 * runtime tells through {@code account}. The file is named after the idempotency key and created only if absent,
 * so a key is written once per account, even across restarts. A marketing email is written as the engine filled
 * in the account's template: its text body, its HTML body, or both as alternatives.
 */
final class OutboxMailer implements Mailer {

    static final String IDEMPOTENCY_HEADER = "X-Flowline-Idempotency-Key";
    private static final String BOUNDARY = "flowline-alternative";
    private static final System.Logger LOG = System.getLogger(OutboxMailer.class.getName());

    private final Path outbox;
    private final String from;
    private final Clock clock;
    private final Supplier<Account> account;
    private final AtomicLong repeats = new AtomicLong();

    /** @param account the account each email is sent for, read at each send; null there is an error */
    OutboxMailer(Path outbox, String from, Clock clock, Supplier<Account> account) {
        this.outbox = outbox;
        this.from = from;
        this.clock = clock;
        this.account = account;
    }

    /** The folder of {@code account}'s emails in {@code outbox}. */
    static Path folderOf(Path outbox, Account account) {
        return outbox.resolve(account.id());
    }

    @Override
    public void sendMarketingEmail(MarketingEmail email) {
        EmailMessage message = email.message();
        write(email.idempotencyKey(), List.of(email.to()), message.subject(), body(message.text(), message.html()),
                Map.of("X-Flowline-Content-Id", email.contentId(), "X-Flowline-Flow-Id", email.flowId()));
    }

    @Override
    public void sendInternalEmail(InternalEmail email) {
        write(email.idempotencyKey(), email.to(), email.subject(), body(email.text(), null),
                Map.of("X-Flowline-Flow-Id", email.flowId()));
    }

    /** A message's body with its content type: text, HTML, or both as alternatives. */
    private record Body(String contentType, String content) {
    }

    private static Body body(String text, String html) {
        if (html == null) {
            return new Body("text/plain; charset=UTF-8", text);
        }
        if (text == null) {
            return new Body("text/html; charset=UTF-8", html);
        }
        return new Body("multipart/alternative; boundary=\"" + BOUNDARY + "\"", "--" + BOUNDARY + "\n"
                + "Content-Type: text/plain; charset=UTF-8\n\n" + text + "\n--" + BOUNDARY + "\n"
                + "Content-Type: text/html; charset=UTF-8\n\n" + html + "\n--" + BOUNDARY + "--");
    }

    private void write(String idempotencyKey, List<String> to, String subject, Body body,
                       Map<String, String> extraHeaders) {
        var message = new StringBuilder()
                .append("From: ").append(from).append("\r\n")
                // a group with no members
                .append("To: ").append(to.isEmpty() ? "undisclosed-recipients:;" : String.join(", ", to)).append("\r\n")
                .append("Subject: ").append(oneLine(subject)).append("\r\n")
                .append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(clock)))
                .append("\r\n")
                .append(IDEMPOTENCY_HEADER).append(": ").append(idempotencyKey).append("\r\n");
        new TreeMap<>(extraHeaders).forEach((name, value) ->
                message.append(name).append(": ").append(oneLine(value)).append("\r\n"));
        message.append("MIME-Version: 1.0\r\n")
                .append("Content-Type: ").append(body.contentType()).append("\r\n")
                .append("Content-Transfer-Encoding: 8bit\r\n")
                .append("\r\n")
                .append(body.content().replace("\r\n", "\n").replace("\n", "\r\n")).append("\r\n");
        Account sender = account.get();
        if (sender == null) {
            // an email of nobody's: refused (the step fails and is retried) rather than shown to another account
            throw new IllegalStateException("an email was sent outside any account's step: it is not written");
        }
        Path folder = folderOf(outbox, sender);
        Path file = folder.resolve(fileName(idempotencyKey));
        try {
            Files.createDirectories(folder);
            Files.writeString(file, message, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            LOG.log(System.Logger.Level.INFO, "email written to {0}", file);
        } catch (FileAlreadyExistsException sentBefore) {
            repeats.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "an email with the idempotency key of {0} is in the outbox already: "
                    + "not written again", file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many emails came again with a key already in the outbox (and were not written again). */
    long repeatedKeys() {
        return repeats.get();
    }

    private static String oneLine(String value) {
        return value.replaceAll("[\r\n]+", " ");
    }

    /** Idempotency keys may hold any character; a hash of the key makes a safe, stable file name. */
    static String fileName(String idempotencyKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16) + ".eml";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
