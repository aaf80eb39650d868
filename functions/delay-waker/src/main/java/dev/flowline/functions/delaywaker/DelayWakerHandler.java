package dev.flowline.functions.delaywaker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.AwsEngines;
import dev.flowline.aws.ContactEventSweep;
import dev.flowline.aws.RecycleBinSweep;
import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.dynamodb.DueEnrolments;
import dev.flowline.aws.lambda.HandlerLogs;
import dev.flowline.aws.lambda.SnapStartPriming;
import dev.flowline.aws.sqs.DueStep;
import dev.flowline.aws.scheduler.RecurringRunInput;
import dev.flowline.aws.scheduler.WakeUp;
import dev.flowline.aws.sms.SmsDeliveries;
import dev.flowline.aws.sms.SmsDeliveryEvents;
import dev.flowline.engine.json.FlowlineJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Invoked by an EventBridge Scheduler one-time schedule with {@code {"dueMinute":"2026-11-23T10:15Z"}}: puts the
 * next step of every enrolment due in that minute on the step queue. A late or repeated wake-up is harmless: the
 * step runner re-checks each step's sequence, so only the enrolment's current step runs, once. Wake-ups are shared
 * by all accounts: each step is scheduled by the engine of its enrolment's account.
 * <p>
 * Invoked every minute by a recurring schedule with {@link #SWEEP}: publishes the contact events left pending by
 * writes whose requests could not publish them ({@link ContactEventSweep}), and, in the first minute of each hour,
 * erases the contacts deleted more than 90 days ago ({@link RecycleBinSweep}).
 * <p>
 * Invoked by a flow's recurring schedule with a {@link RecurringRunInput}: starts the run of the flow's enrolment
 * schedule due then, or the sweep of its time-relative triggers over the sweep interval that ends then, as
 * segments on the activation queue. Invoked by the bus with End User Messaging SMS's delivery events ({@link SmsDeliveryEvents}):
 * records the final status of each SMS Flowline sent.
 */
public final class DelayWakerHandler implements RequestHandler<Map<String, Object>, Void> {

    static final int STEPS_PER_SEND = 500;
    /** The recurring schedule's input, as template.yaml gives it. */
    public static final Map<String, Object> SWEEP = Map.of("sweep", "contactEvents");
    private static final Logger LOG = LoggerFactory.getLogger(DelayWakerHandler.class);

    private final AwsEngines engines;
    private final DueEnrolments dueEnrolments;
    private final ContactEventSweep sweep;
    private final SmsDeliveries smsDeliveries;
    private final RecycleBinSweep recycleBins;

    public DelayWakerHandler() {
        this(SnapStartPriming.registered(AwsEngine.fromEnvironment()));
    }

    public DelayWakerHandler(AwsEngine engine) {
        this.engines = new AwsEngines(engine);
        this.dueEnrolments = engine.dueEnrolments();
        this.sweep = new ContactEventSweep(engines, engine.pendingContactEvents(), engine.clock());
        this.smsDeliveries = engine.smsDeliveries();
        this.recycleBins = engine.recycleBinSweep(engines);
    }

    @Override
    public Void handleRequest(Map<String, Object> input, Context context) {
        return HandlerLogs.around(context, () -> {
            if (SWEEP.equals(input)) {
                ContactEventSweep.Result swept = sweep.run();
                LOG.info("published {} contact events left pending; {} contacts keep theirs for the next sweep",
                        swept.published(), swept.leftPending());
                if (recycleBins.due()) {
                    LOG.info("erased {} contacts deleted more than 90 days ago", recycleBins.run());
                }
            } else if (RecurringRunInput.isRun(input)) {
                startRun(RecurringRunInput.parse(input));
            } else if (SmsDeliveryEvents.isDeliveryEvent(FlowlineJson.mapper().valueToTree(input))) {
                SmsDeliveryEvents.of(FlowlineJson.mapper().valueToTree(input)).ifPresent(delivery ->
                        smsDeliveries.record(delivery.account(), delivery.messageId(), delivery.status(), delivery.at()));
            } else {
                wake(WakeUp.parse(FlowlineJson.write(input)));
            }
            return null;
        });
    }

    private void startRun(RecurringRunInput run) {
        var activation = engines.of(run.account()).engine().activation();
        switch (run.run()) {
            case ENROLMENT_SCHEDULE -> activation.startSchedule(run.flowId(), run.scheduledTime());
            case TIME_SWEEP -> activation.startTimeSweep(run.flowId(),
                    run.scheduledTime().minus(engines.config().flowSchedules().sweepInterval()), run.scheduledTime());
        }
        LOG.info("started the {} of flow {} due at {}", run.run(), run.flowId(), run.scheduledTime());
    }

    /** Schedules the due steps a few hundred at a time, so that a crowded minute does not fill the memory. */
    private void wake(WakeUp wakeUp) {
        int woken = 0;
        Iterator<DueEnrolments.Due> due = dueEnrolments.in(wakeUp.dueMinute()).iterator();
        var steps = new LinkedHashMap<Account, List<DueStep>>();
        int pending = 0;
        while (due.hasNext()) {
            DueEnrolments.Due next = due.next();
            steps.computeIfAbsent(next.account(), account -> new ArrayList<>())
                    .add(new DueStep(next.enrolment().nextStep(), next.enrolment().dueAt()));
            if (++pending == STEPS_PER_SEND || !due.hasNext()) {
                steps.forEach((account, ofAccount) -> engines.of(account).stepScheduler().scheduleAll(ofAccount));
                woken += pending;
                pending = 0;
                steps.clear();
            }
        }
        LOG.info("woke {} steps due in minute {}", woken, wakeUp.dueMinute());
    }
}
