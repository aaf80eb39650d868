package dev.flowline.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * AWS list prices in us-east-1 (on-demand, no free tier), what the cost of a run is computed at. Lambda on arm64,
 * each function at the memory template.yaml gives it.
 */
final class AwsPrices {

    static final double DYNAMODB_PER_MILLION_WRITE_UNITS = 0.625;
    static final double DYNAMODB_PER_MILLION_READ_UNITS = 0.125;
    static final double SQS_PER_MILLION_REQUESTS = 0.40;
    static final double EVENTBRIDGE_PER_MILLION_EVENTS = 1.00;
    static final double SCHEDULER_PER_MILLION_INVOCATIONS = 1.00;
    static final double SES_PER_THOUSAND_EMAILS = 0.10;
    static final double LAMBDA_PER_MILLION_REQUESTS = 0.20;
    static final double LAMBDA_ARM_PER_GB_SECOND = 0.0000133334;

    private AwsPrices() {
    }

    /** What a run used, priced. */
    record Usage(double readUnits, double writeUnits, long sqsRequests, long events, long schedulerInvocations,
                 long emails, long lambdaInvocations, double lambdaGbSeconds) {

        double engineDollars() {
            return readUnits * DYNAMODB_PER_MILLION_READ_UNITS / 1e6
                    + writeUnits * DYNAMODB_PER_MILLION_WRITE_UNITS / 1e6
                    + sqsRequests * SQS_PER_MILLION_REQUESTS / 1e6
                    + events * EVENTBRIDGE_PER_MILLION_EVENTS / 1e6
                    + schedulerInvocations * SCHEDULER_PER_MILLION_INVOCATIONS / 1e6
                    + lambdaInvocations * LAMBDA_PER_MILLION_REQUESTS / 1e6
                    + lambdaGbSeconds * LAMBDA_ARM_PER_GB_SECOND;
        }

        double emailDollars() {
            return emails * SES_PER_THOUSAND_EMAILS / 1e3;
        }

        List<String> breakdownPerMillion(double steps) {
            return perMillion(steps).stream().map(part -> String.format(Locale.ROOT, "    %-40s %,14.1f  $%,.4f",
                    part.what(), part.quantity(), part.dollars())).toList();
        }

        /** The {@code n} dearest parts of the engine's cost per million steps, e.g. "DynamoDB write units $4.38". */
        String dearestPerMillion(double steps, int n) {
            return perMillion(steps).stream().filter(part -> !part.what().startsWith("SES"))
                    .sorted(Comparator.comparingDouble(Part::dollars).reversed()).limit(n)
                    .map(part -> String.format(Locale.ROOT, "%s $%.2f", part.what(), part.dollars()))
                    .collect(Collectors.joining(", "));
        }

        private List<Part> perMillion(double steps) {
            double scale = 1e6 / steps;
            return List.of(
                    Part.priced("DynamoDB read units", readUnits * scale, DYNAMODB_PER_MILLION_READ_UNITS / 1e6),
                    Part.priced("DynamoDB write units", writeUnits * scale, DYNAMODB_PER_MILLION_WRITE_UNITS / 1e6),
                    Part.priced("SQS requests", sqsRequests * scale, SQS_PER_MILLION_REQUESTS / 1e6),
                    Part.priced("EventBridge events", events * scale, EVENTBRIDGE_PER_MILLION_EVENTS / 1e6),
                    Part.priced("Scheduler invocations", schedulerInvocations * scale, SCHEDULER_PER_MILLION_INVOCATIONS / 1e6),
                    Part.priced("Lambda invocations", lambdaInvocations * scale, LAMBDA_PER_MILLION_REQUESTS / 1e6),
                    Part.priced("Lambda GB-seconds", lambdaGbSeconds * scale, LAMBDA_ARM_PER_GB_SECOND),
                    Part.priced("SES emails (not in the engine's cost)", emails * scale, SES_PER_THOUSAND_EMAILS / 1e3));
        }

        /** What a part of the cost is, how much of it, and what that costs. */
        private record Part(String what, double quantity, double dollars) {
            static Part priced(String what, double quantity, double unitPrice) {
                return new Part(what, quantity, quantity * unitPrice);
            }
        }
    }

    static String stated() {
        return String.format(Locale.ROOT, "prices (us-east-1 list): DynamoDB on-demand $%.3f/M write units, $%.3f/M read"
                        + " units; SQS $%.2f/M requests; EventBridge $%.2f/M events; Scheduler $%.2f/M invocations;"
                        + " SES $%.2f/1,000 emails; Lambda $%.2f/M requests, $%.10f/GB-s (arm64) at each function's memory",
                DYNAMODB_PER_MILLION_WRITE_UNITS, DYNAMODB_PER_MILLION_READ_UNITS, SQS_PER_MILLION_REQUESTS,
                EVENTBRIDGE_PER_MILLION_EVENTS, SCHEDULER_PER_MILLION_INVOCATIONS, SES_PER_THOUSAND_EMAILS,
                LAMBDA_PER_MILLION_REQUESTS, LAMBDA_ARM_PER_GB_SECOND);
    }
}
