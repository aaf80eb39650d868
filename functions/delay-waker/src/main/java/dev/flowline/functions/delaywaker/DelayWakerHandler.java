package dev.flowline.functions.delaywaker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.lambda.HandlerLogs;
import dev.flowline.aws.messaging.DueStep;
import dev.flowline.aws.messaging.WakeUp;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.json.FlowlineJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Invoked by an EventBridge Scheduler one-time schedule with {@code {"dueMinute":"2026-11-23T10:15Z"}}: puts the
 * next step of every enrolment due in that minute on the step queue. A late or repeated wake-up is harmless: the
 * step runner re-checks each step's sequence, so only the enrolment's current step runs, once.
 */
public final class DelayWakerHandler implements RequestHandler<Map<String, Object>, Void> {

    static final int STEPS_PER_SEND = 500;
    private static final Logger LOG = LoggerFactory.getLogger(DelayWakerHandler.class);

    private final AwsEngine engine;

    public DelayWakerHandler() {
        this(AwsEngine.fromEnvironment());
    }

    public DelayWakerHandler(AwsEngine engine) {
        this.engine = engine;
    }

    @Override
    public Void handleRequest(Map<String, Object> input, Context context) {
        return HandlerLogs.around(context, () -> {
            wake(WakeUp.parse(FlowlineJson.write(input)));
            return null;
        });
    }

    /** Schedules the due steps a few hundred at a time, so that a crowded minute does not fill the memory. */
    private void wake(WakeUp wakeUp) {
        int woken = 0;
        Iterator<Enrolment> due = engine.enrolments().dueIn(wakeUp.dueMinute()).iterator();
        var steps = new ArrayList<DueStep>();
        while (due.hasNext()) {
            Enrolment enrolment = due.next();
            steps.add(new DueStep(enrolment.nextStep(), enrolment.dueAt()));
            if (steps.size() == STEPS_PER_SEND || !due.hasNext()) {
                engine.stepScheduler().scheduleAll(List.copyOf(steps));
                woken += steps.size();
                steps.clear();
            }
        }
        LOG.info("woke {} steps due in minute {}", woken, wakeUp.dueMinute());
    }
}
