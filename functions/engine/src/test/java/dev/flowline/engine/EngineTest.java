package dev.flowline.engine;

import dev.flowline.engine.action.InAppNotification;
import dev.flowline.engine.action.InternalEmail;
import dev.flowline.engine.action.Mailer;
import dev.flowline.engine.action.MarketingEmail;
import dev.flowline.engine.email.EmailMessage;
import dev.flowline.engine.action.NewRecord;
import dev.flowline.engine.action.NewTask;
import dev.flowline.engine.action.Notification;
import dev.flowline.engine.action.Notifier;
import dev.flowline.engine.action.SmsMessage;
import dev.flowline.engine.action.SmsSender;
import dev.flowline.engine.action.SmsStatus;
import dev.flowline.engine.action.WebhookRequest;
import dev.flowline.engine.action.WebhookResponse;
import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.enrolment.EngineEvents;
import dev.flowline.engine.idempotency.EffectInProgress;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the engine's front door wires, whatever the ports: side effects once per key, events recorded first. */
class EngineTest {

    /** Every call made, as a real service would take it: nothing here deduplicates. */
    private final List<String> calls = new ArrayList<>();
    private final List<String> published = new ArrayList<>();
    private InMemoryEngine memory;

    /** The in-memory engine with side effects that count every call, as a real service would take it. */
    private Engine engine(UnaryOperator<EnginePorts.Builder> replacing) {
        memory = new InMemoryEngine(ports -> replacing.apply(counting(ports)));
        return memory.engine;
    }

    private Engine engine() {
        return engine(ports -> ports);
    }

    private EnginePorts.Builder counting(EnginePorts.Builder ports) {
        return ports
                .mailer(new Mailer() {
                    @Override
                    public void sendMarketingEmail(MarketingEmail email) {
                        calls.add("marketing " + email.idempotencyKey());
                    }

                    @Override
                    public void sendInternalEmail(InternalEmail email) {
                        calls.add("internal " + email.idempotencyKey());
                    }
                })
                .webhooks(request -> {
                    calls.add("webhook " + request.idempotencyKey());
                    return WebhookResponse.status(503, "30");
                })
                .sms(new SmsSender() {
                    @Override
                    public String send(SmsMessage message) {
                        calls.add("sms " + message.idempotencyKey());
                        return "m-" + calls.size();
                    }

                    @Override
                    public SmsStatus status(String messageId) {
                        return SmsStatus.DELIVERED;
                    }
                })
                .notifier(new Notifier() {
                    @Override
                    public void notify(InAppNotification notification) {
                        calls.add("notification " + notification.idempotencyKey());
                    }

                    @Override
                    public Page<Notification> inbox(String userId, String after, int limit) {
                        return new Page<>(List.of(), Optional.empty());
                    }

                    @Override
                    public boolean markRead(String userId, String notificationId, Instant at) {
                        return false;
                    }
                });
    }

    @Test
    void everySideEffectIsMadeOncePerIdempotencyKeyAndARepeatGetsTheFirstOutcome() {
        EnginePorts wrapped = engine().ports();
        memory.contact("c");
        var taskIds = new java.util.HashSet<String>();
        var recordIds = new java.util.HashSet<String>();

        for (int attempt = 0; attempt < 2; attempt++) {
            wrapped.mailer().sendMarketingEmail(new MarketingEmail("k1", "f", "c", "a@example.com", "welcome", new EmailMessage("s", null, "b")));
            wrapped.mailer().sendInternalEmail(new InternalEmail("k2", "f", "c", List.of("u@example.com"), "s", "b"));
            assertThat(wrapped.webhooks().call(new WebhookRequest("k3", "POST", "https://example.com", Map.of(), "{}", null)))
                    .isEqualTo(WebhookResponse.status(503, "30"));
            assertThat(wrapped.sms().send(new SmsMessage("k4", "f", "c", "+33600000000", "hi"))).isEqualTo("m-4");
            wrapped.notifier().notify(new InAppNotification("k5", "f", "c", List.of("u"), List.of(), "", "s", "b",
                    Instant.EPOCH));
            taskIds.add(wrapped.records().createTask(new NewTask("k6", "f", "c", "TODO", "s", "", "", null, null)));
            recordIds.add(wrapped.records().createRecord(new NewRecord("k7", "f", "c", "0-3", Map.of())));
        }

        assertThat(calls).containsExactly("marketing k1", "internal k2", "webhook k3", "sms k4", "notification k5");
        assertThat(taskIds).hasSize(1);
        assertThat(recordIds).hasSize(1);
        assertThat(memory.crm.page(dev.flowline.engine.crm.CrmObjectType.TASK, null, 10).items()).hasSize(1);
        assertThat(memory.crm.page(dev.flowline.engine.crm.CrmObjectType.DEAL, null, 10).items()).hasSize(1);
    }

    @Test
    void aSideEffectAnotherRunIsMakingFailsWithoutBeingMade() {
        EnginePorts wrapped = engine().ports();
        memory.ledger.claim("k1");

        assertThatThrownBy(() -> wrapped.mailer().sendMarketingEmail(
                new MarketingEmail("k1", "f", "c", "a@example.com", "welcome", new EmailMessage("s", null, "b"))))
                .isInstanceOf(EffectInProgress.class);
        assertThat(calls).isEmpty();
    }

    @Test
    void aWebhookRefusedBeforeItWasMadeLeavesItsKeyFree() {
        EnginePorts wrapped = engine(ports -> ports.webhooks(request -> WebhookResponse.refused("forbidden")))
                .ports();

        assertThat(wrapped.webhooks().call(new WebhookRequest("k3", "POST", "http://10.0.0.1", Map.of(), "{}", null))
                .refused()).isTrue();
        assertThat(memory.ledger.keys()).isEmpty();
    }

    @Test
    void anEngineEventIsRecordedOnItsContactBeforeItIsPublished() {
        var engine = engine(ports -> ports.events(new EngineEvents() {
            @Override
            public void activity(String contactId, ActivityEvent event) {
                published.add(contactId + " " + event.eventTypeId() + " recorded first: "
                        + memory.contacts.find(contactId).orElseThrow().events().contains(event));
            }

            @Override
            public void propertiesChanged(String contactId, Set<String> properties) {
            }
        }));
        memory.contacts.create(new Contact("c1"));

        engine.context().events().activity("c1", new ActivityEvent("e-1", InMemoryEngine.NOW, Map.of()));

        assertThat(published).containsExactly("c1 e-1 recorded first: true");
    }

    @Test
    void aMissingPortIsNamedWhenThePortsAreBuilt() {
        assertThatNullPointerException().isThrownBy(() -> engine(ports -> ports.mailer(null)))
                .withMessage("the engine needs the port mailer");
    }
}
