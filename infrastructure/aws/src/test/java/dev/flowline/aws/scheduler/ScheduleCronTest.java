package dev.flowline.aws.scheduler;

import dev.flowline.engine.definition.EnrollmentSchedule;
import dev.flowline.engine.json.FlowlineJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleCronTest {

    private static EnrollmentSchedule schedule(String type, String fields) {
        return FlowlineJson.read("""
                {"type":"%s","timeOfDay":{"hour":7,"minute":5}%s}""".formatted(type, fields), EnrollmentSchedule.class);
    }

    @Test
    void eachScheduleTypeIsItsCron() {
        assertThat(ScheduleCron.of(schedule("DAILY", ""))).contains("cron(5 7 * * ? *)");
        assertThat(ScheduleCron.of(schedule("PROPERTY_BASED", ",\"dateProperty\":\"renewal\"")))
                .contains("cron(5 7 * * ? *)");
        assertThat(ScheduleCron.of(schedule("WEEKLY", ",\"daysOfWeek\":[\"SUNDAY\",\"WEDNESDAY\"]")))
                .contains("cron(5 7 ? * WED,SUN *)");
        assertThat(ScheduleCron.of(schedule("MONTHLY_SPECIFIC_DAYS", ",\"daysOfMonth\":[15,1]")))
                .contains("cron(5 7 1,15 * ? *)");
        assertThat(ScheduleCron.of(schedule("MONTHLY_RELATIVE_DAYS", ",\"monthlyRelativeDays\":\"FIRST_MONDAY_OF_MONTH\"")))
                .contains("cron(5 7 ? * MON#1 *)");
        assertThat(ScheduleCron.of(schedule("MONTHLY_RELATIVE_DAYS", ",\"monthlyRelativeDays\":\"LAST_DAY_OF_MONTH\"")))
                .contains("cron(5 7 L * ? *)");
        assertThat(ScheduleCron.of(schedule("YEARLY", ",\"month\":\"JULY\",\"dayOfMonth\":14")))
                .contains("cron(5 7 14 7 ? *)");
    }

    @Test
    void aScheduleNoCronCanSayHasNone() {
        assertThat(ScheduleCron.of(schedule("HOURLY", ""))).isEmpty();
        assertThat(ScheduleCron.of(schedule("WEEKLY", ",\"daysOfWeek\":[]"))).isEmpty();
        assertThat(ScheduleCron.of(FlowlineJson.read("{\"type\":\"DAILY\"}", EnrollmentSchedule.class))).isEmpty();
    }
}
