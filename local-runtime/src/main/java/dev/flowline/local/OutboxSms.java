package dev.flowline.local;

import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.action.SmsMessage;
import dev.flowline.engine.action.SmsSender;
import dev.flowline.engine.action.SmsStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Writes each SMS to the outbox instead of sending it, in the folder of the account it is sent for
 * ({@code <outbox>/<account>/sms/}), one text file per idempotency key, created only if absent: headers
 * ({@code To}, {@code Date}, {@code X-Flowline-Idempotency-Key}, {@code X-Flowline-Flow-Id},
 * {@code X-Flowline-Contact-Id}), a blank line, the text. An SMS in the outbox counts as delivered at once: its
 * message id is its file's name, and its status is delivered while the file is there.
 */
final class OutboxSms implements SmsSender {

    static final String FOLDER = "sms";
    static final String EXTENSION = ".txt";
    private static final System.Logger LOG = System.getLogger(OutboxSms.class.getName());

    private final Path outbox;
    private final Clock clock;
    private final Supplier<Account> account;

    /** @param account the account each SMS is sent for, read at each send and status; null there is an error */
    OutboxSms(Path outbox, Clock clock, Supplier<Account> account) {
        this.outbox = outbox;
        this.clock = clock;
        this.account = account;
    }

    /** The folder of {@code account}'s SMS in {@code outbox}. */
    static Path folderOf(Path outbox, Account account) {
        return OutboxMailer.folderOf(outbox, account).resolve(FOLDER);
    }

    @Override
    public String send(SmsMessage message) {
        String name = OutboxMailer.fileName(message.idempotencyKey()).replace(".eml", EXTENSION);
        String text = "To: " + oneLine(message.phoneNumber()) + "\n"
                + "Date: " + clock.instant() + "\n"
                + OutboxMailer.IDEMPOTENCY_HEADER + ": " + oneLine(message.idempotencyKey()) + "\n"
                + "X-Flowline-Flow-Id: " + oneLine(message.flowId()) + "\n"
                + "X-Flowline-Contact-Id: " + oneLine(message.contactId()) + "\n"
                + "\n" + message.body() + "\n";
        Path folder = folder();
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            LOG.log(System.Logger.Level.INFO, "SMS written to {0}", folder.resolve(name));
        } catch (FileAlreadyExistsException sentBefore) {
            LOG.log(System.Logger.Level.WARNING, "an SMS with the idempotency key of {0} is in the outbox already: "
                    + "not written again", folder.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return name;
    }

    @Override
    public SmsStatus status(String messageId) {
        return Files.exists(folder().resolve(messageId)) ? SmsStatus.DELIVERED : SmsStatus.FAILED;
    }

    private Path folder() {
        Account sender = account.get();
        if (sender == null) {
            // an SMS of nobody's: refused (the step fails and is retried) rather than shown to another account
            throw new IllegalStateException("an SMS was sent outside any account's step: it is not written");
        }
        return folderOf(outbox, sender);
    }

    private static String oneLine(String value) {
        return value.replaceAll("[\r\n]+", " ");
    }
}
