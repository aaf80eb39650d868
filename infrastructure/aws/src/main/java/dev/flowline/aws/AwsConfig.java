package dev.flowline.aws;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.dynamodb.FlowlineTables;
import dev.flowline.aws.scheduler.EventBridgeRecurringRuns;
import dev.flowline.aws.sms.EndUserMessagingSms;
import dev.flowline.engine.json.FlowlineJson;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a function needs to know about its deployment, read from environment variables that template.yaml sets.
 *
 * @param tables              the DynamoDB tables ({@code FLOWLINE_*_TABLE}, defaults as {@link FlowlineTables})
 * @param stepQueueUrl        {@code FLOWLINE_STEP_QUEUE_URL}
 * @param deadLetterQueueUrl  {@code FLOWLINE_DEAD_LETTER_QUEUE_URL}: where this function puts messages it can never
 *                            handle (poison messages)
 * @param busName             {@code FLOWLINE_BUS_NAME}
 * @param scheduleGroup       {@code FLOWLINE_SCHEDULE_GROUP}
 * @param wakerArn            {@code FLOWLINE_WAKER_ARN}: the delay waker the schedules invoke
 * @param schedulerRoleArn    {@code FLOWLINE_SCHEDULER_ROLE_ARN}: the role EventBridge Scheduler assumes
 * @param mailFrom            {@code FLOWLINE_MAIL_FROM}
 * @param sesConfigurationSet {@code FLOWLINE_SES_CONFIGURATION_SET}, may be null
 * @param timeZone            {@code FLOWLINE_TIME_ZONE}, the account's time zone, UTC by default
 * @param webhookSecret       {@code FLOWLINE_WEBHOOK_SECRET}, may be null: the key that signs the webhooks of an
 *                            account without a signing key of its own ({@code SigningKeys})
 * @param notificationEmailCopy {@code FLOWLINE_NOTIFICATION_EMAIL_COPY}, false by default: whether each in-app
 *                            notification also goes by email to its users' addresses in the owner directory
 * @param plainHttpHosts      {@code FLOWLINE_WEBHOOK_HTTP_HOSTS}: comma-separated hosts webhooks may reach over
 *                            plain http (local development only, e.g. {@code localhost}); empty: HTTPS only
 * @param maxCauseChain       {@code FLOWLINE_MAX_CAUSE_CHAIN}: how many events may lead to one, 10 by default
 * @param activationQueueUrl  {@code FLOWLINE_ACTIVATION_QUEUE_URL}: the segments of a "turn on and enrol the
 *                            contacts that already match" fan-out
 * @param defaultAccount      {@code FLOWLINE_DEFAULT_ACCOUNT}, {@code default} if unset: the account of contact
 *                            events that reach the bus from outside Flowline without naming one
 * @param apiRateLimit        {@code FLOWLINE_API_RATE_LIMIT}: the API requests an account may make in ten seconds,
 *                            100 by default (HubSpot's private apps on its lower tiers; 190 on the higher)
 * @param sms                 {@code FLOWLINE_SMS_ORIGINATION_IDENTITY} and {@code FLOWLINE_SMS_CONFIGURATION_SET}, each
 *                            optional: what End User Messaging SMS sends internal SMS from
 * @param flowSchedules       {@code FLOWLINE_FLOW_SCHEDULE_GROUP} and {@code FLOWLINE_TIME_SWEEP_HOURS}: where flows'
 *                            enrolment schedules and time sweeps are, and how often time-relative triggers are swept
 * @param goalQueueUrl        {@code FLOWLINE_GOAL_QUEUE_URL}: where the trigger evaluator sends the contact events the
 *                            goal checker watches
 */
public record AwsConfig(FlowlineTables tables, String stepQueueUrl, String deadLetterQueueUrl, String busName,
                        String scheduleGroup, String wakerArn, String schedulerRoleArn, String mailFrom,
                        String sesConfigurationSet, ZoneId timeZone, String webhookSecret,
                        boolean notificationEmailCopy, Set<String> plainHttpHosts, int maxCauseChain,
                        String activationQueueUrl, Account defaultAccount, int apiRateLimit,
                        EndUserMessagingSms.Config sms, EventBridgeRecurringRuns.Config flowSchedules,
                        String goalQueueUrl) {

    public static final int DEFAULT_MAX_CAUSE_CHAIN = 10;
    public static final int DEFAULT_API_RATE_LIMIT = 100;

    public AwsConfig {
        plainHttpHosts = Set.copyOf(plainHttpHosts);
    }

    public static AwsConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static AwsConfig fromEnvironment(Map<String, String> env) {
        return new AwsConfig(
                FlowlineTables.fromEnvironment(env),
                env.get("FLOWLINE_STEP_QUEUE_URL"),
                env.get("FLOWLINE_DEAD_LETTER_QUEUE_URL"),
                env.getOrDefault("FLOWLINE_BUS_NAME", "flowline"),
                env.getOrDefault("FLOWLINE_SCHEDULE_GROUP", "flowline"),
                env.get("FLOWLINE_WAKER_ARN"),
                env.get("FLOWLINE_SCHEDULER_ROLE_ARN"),
                env.get("FLOWLINE_MAIL_FROM"),
                blankToNull(env.get("FLOWLINE_SES_CONFIGURATION_SET")),
                ZoneId.of(env.getOrDefault("FLOWLINE_TIME_ZONE", "UTC")),
                blankToNull(env.get("FLOWLINE_WEBHOOK_SECRET")),
                Boolean.parseBoolean(env.getOrDefault("FLOWLINE_NOTIFICATION_EMAIL_COPY", "false")),
                Arrays.stream(env.getOrDefault("FLOWLINE_WEBHOOK_HTTP_HOSTS", "").split(","))
                        .map(String::strip).filter(host -> !host.isEmpty()).collect(Collectors.toSet()),
                Integer.parseInt(env.getOrDefault("FLOWLINE_MAX_CAUSE_CHAIN", String.valueOf(DEFAULT_MAX_CAUSE_CHAIN))),
                env.get("FLOWLINE_ACTIVATION_QUEUE_URL"),
                new Account(env.getOrDefault("FLOWLINE_DEFAULT_ACCOUNT", "default")),
                Integer.parseInt(env.getOrDefault("FLOWLINE_API_RATE_LIMIT", String.valueOf(DEFAULT_API_RATE_LIMIT))),
                new EndUserMessagingSms.Config(blankToNull(env.get("FLOWLINE_SMS_ORIGINATION_IDENTITY")),
                        blankToNull(env.get("FLOWLINE_SMS_CONFIGURATION_SET"))),
                new EventBridgeRecurringRuns.Config(env.getOrDefault("FLOWLINE_FLOW_SCHEDULE_GROUP", "flowline-flows"),
                        Duration.ofHours(Long.parseLong(env.getOrDefault("FLOWLINE_TIME_SWEEP_HOURS",
                                String.valueOf(EventBridgeRecurringRuns.Config.DEFAULT_SWEEP_INTERVAL.toHours()))))),
                env.get("FLOWLINE_GOAL_QUEUE_URL"));
    }

    public AwsConfig withActivationQueueUrl(String url) {
        return new AwsConfig(tables, stepQueueUrl, deadLetterQueueUrl, busName, scheduleGroup, wakerArn,
                schedulerRoleArn, mailFrom, sesConfigurationSet, timeZone, webhookSecret, notificationEmailCopy, plainHttpHosts,
                maxCauseChain, url, defaultAccount, apiRateLimit, sms, flowSchedules, goalQueueUrl);
    }

    public AwsConfig withGoalQueueUrl(String url) {
        return new AwsConfig(tables, stepQueueUrl, deadLetterQueueUrl, busName, scheduleGroup, wakerArn,
                schedulerRoleArn, mailFrom, sesConfigurationSet, timeZone, webhookSecret, notificationEmailCopy, plainHttpHosts,
                maxCauseChain, activationQueueUrl, defaultAccount, apiRateLimit, sms, flowSchedules, url);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
