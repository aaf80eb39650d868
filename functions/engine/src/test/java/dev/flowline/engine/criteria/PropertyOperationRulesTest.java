package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.Contact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.DynamicTest;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.flowline.engine.criteria.PropertyOperationFixture.contactWith;
import static dev.flowline.engine.criteria.PropertyOperationFixture.matches;
import static dev.flowline.engine.criteria.PropertyOperationFixture.operation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rules shared by every operation type: operators, empty values and history. */
class PropertyOperationRulesTest {

    /** One operation of each type, with %s for its operator and %b for includeObjectsWithNoValueSet. */
    private static final Map<String, String> SAMPLES = Map.ofEntries(
            Map.entry("ALL_PROPERTY", "{'operationType':'ALL_PROPERTY'"),
            Map.entry("BOOL", "{'operationType':'BOOL','value':true"),
            Map.entry("NUMBER", "{'operationType':'NUMBER','value':1"),
            Map.entry("NUMBER_RANGED", "{'operationType':'NUMBER_RANGED','lowerBound':1,'upperBound':2"),
            Map.entry("STRING", "{'operationType':'STRING','value':'x'"),
            Map.entry("MULTISTRING", "{'operationType':'MULTISTRING','values':['x']"),
            Map.entry("ENUMERATION", "{'operationType':'ENUMERATION','values':['x']"),
            Map.entry("DATETIME", "{'operationType':'DATETIME','timestamp':0"),
            Map.entry("RANGED_DATE", "{'operationType':'RANGED_DATE','lowerBound':0,'upperBound':1"),
            Map.entry("DATE", "{'operationType':'DATE','year':2024,'month':1,'day':1"),
            Map.entry("ROLLING_DATE_RANGE", "{'operationType':'ROLLING_DATE_RANGE','numberOfDays':1"),
            Map.entry("ROLLING_PROPERTY_UPDATED", "{'operationType':'ROLLING_PROPERTY_UPDATED','numberOfDays':1"),
            Map.entry("COMPARATIVE_DATE", "{'operationType':'COMPARATIVE_DATE','comparisonPropertyName':'o'"),
            Map.entry("COMPARATIVE_PROPERTY_UPDATED",
                    "{'operationType':'COMPARATIVE_PROPERTY_UPDATED','comparisonPropertyName':'o'"),
            Map.entry("COMPARATIVE_STRING", "{'operationType':'COMPARATIVE_STRING','comparisonPropertyName':'o'"),
            Map.entry("CALENDAR_DATE", "{'operationType':'CALENDAR_DATE','timeUnit':'DAY'"),
            Map.entry("TIME_POINT", "{'operationType':'TIME_POINT','timePoint':{'timeType':'INDEXED',"
                    + "'indexReference':{'referenceType':'NOW'}}"),
            Map.entry("TIME_RANGED", "{'operationType':'TIME_RANGED','lowerBoundTimePoint':{'timeType':'INDEXED',"
                    + "'indexReference':{'referenceType':'TODAY'}},'upperBoundTimePoint':{'timeType':'INDEXED',"
                    + "'indexReference':{'referenceType':'NOW'}}"));

    /** Operators that a record without any value passes on its own. */
    private static final Set<String> PASSING_WITHOUT_VALUE = Set.of("IS_UNKNOWN", "IS_BLANK",
            "HAS_NEVER_BEEN_EQUAL_TO", "HAS_NEVER_CONTAINED", "HAS_NEVER_BEEN_ANY_OF", "HAS_NEVER_BEEN_EXACTLY",
            "HAS_NEVER_CONTAINED_ALL");

    private static PropertyOperation sample(String type, String operator, boolean includeEmpty) {
        return operation(SAMPLES.get(type) + ",'operator':'%s','includeObjectsWithNoValueSet':%b}", operator,
                includeEmpty);
    }

    private static Stream<DynamicTest> everyOperator(String rule, OperatorCheck check) {
        return OperationTypes.known().stream().sorted().flatMap(type -> OperationTypes.operators(type).orElseThrow()
                .stream().sorted().map(operator -> DynamicTest.dynamicTest(rule + ": " + type + " " + operator,
                        () -> check.run(type, operator))));
    }

    private interface OperatorCheck {
        void run(String type, String operator);
    }

    @Test
    void everyOperationTypeHasASample() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(OperationTypes.known());
    }

    @TestFactory
    Stream<DynamicTest> aRecordWithoutValuePassesOnlyTheUnknownAndNeverOperators() {
        return everyOperator("no value", (type, operator) -> assertThat(
                matches((String) null, sample(type, operator, false)))
                .isEqualTo(PASSING_WITHOUT_VALUE.contains(operator)));
    }

    @TestFactory
    Stream<DynamicTest> includeObjectsWithNoValueSetLetsARecordWithoutValuePass() {
        return everyOperator("no value, included", (type, operator) -> {
            assertThat(matches((String) null, sample(type, operator, true))).isTrue();
            assertThat(matches("1|", sample(type, operator, true))).isTrue();
        });
    }

    @TestFactory
    Stream<DynamicTest> anOperatorOfAnotherTypeIsRejected() {
        return everyOperator("foreign operator", (type, operator) -> assertThatThrownBy(
                () -> matches("x", sample(type, "IS_SOMEHOW", false)))
                .isInstanceOf(UnsupportedFilterException.class)
                .hasMessageContaining("IS_SOMEHOW").hasMessageContaining(type));
    }

    @Test
    void anOperatorIsRejectedEvenWhenEmptyValuesPass() {
        assertThatThrownBy(() -> matches((String) null, sample("STRING", "IS_ANY_OF", true)))
                .isInstanceOf(UnsupportedFilterException.class).hasMessageContaining("IS_ANY_OF");
    }

    @Test
    void anUnknownOperationTypeIsRejected() {
        var operation = operation("{'operationType':'SENTIMENT','operator':'IS_HAPPY'}");
        assertThat(operation).isInstanceOf(UnknownOperation.class);
        assertThatThrownBy(() -> matches("x", operation))
                .isInstanceOf(UnsupportedFilterException.class).hasMessageContaining("SENTIMENT");
    }

    @Test
    void aMissingOperandIsRejected() {
        assertThatThrownBy(() -> matches("x", operation("{'operationType':'NUMBER','operator':'IS_EQUAL_TO'}")))
                .isInstanceOf(UnsupportedFilterException.class).hasMessageContaining("value");
    }

    @Test
    void notEqualToLeavesOutRecordsWithoutValue() {
        var notParis = operation("{'operationType':'STRING','operator':'IS_NOT_EQUAL_TO','value':'Paris'}");
        assertThat(matches("Lyon", notParis)).isTrue();
        assertThat(matches((String) null, notParis)).isFalse();
        assertThat(matches("Lyon|", notParis)).isFalse();
    }

    @Test
    void includeObjectsWithNoValueSetDoesNotChangeRecordsWithAValue() {
        var paris = operation("{'operationType':'STRING','operator':'IS_EQUAL_TO','value':'Paris',"
                + "'includeObjectsWithNoValueSet':true}");
        assertThat(matches("Lyon", paris)).isFalse();
        assertThat(matches("Paris", paris)).isTrue();
    }

    @Test
    void aValueChangedAwayFromXHasEverBeenXButIsNotX() {
        Contact contact = contactWith("Paris|Lyon");
        var is = operation("{'operationType':'STRING','operator':'IS_EQUAL_TO','value':'Paris'}");
        var hasEver = operation("{'operationType':'STRING','operator':'HAS_EVER_BEEN_EQUAL_TO','value':'Paris'}");
        var hasNever = operation("{'operationType':'STRING','operator':'HAS_NEVER_BEEN_EQUAL_TO','value':'Paris'}");

        assertThat(matches(contact, is, PropertyOperationFixture.UTC)).isFalse();
        assertThat(matches(contact, hasEver, PropertyOperationFixture.UTC)).isTrue();
        assertThat(matches(contact, hasNever, PropertyOperationFixture.UTC)).isFalse();
    }

    @Test
    void aClearedValueIsUnknownButKeepsItsHistory() {
        Contact contact = contactWith("Paris|");
        var known = operation("{'operationType':'ALL_PROPERTY','operator':'IS_KNOWN'}");
        var hasEver = operation("{'operationType':'STRING','operator':'HAS_EVER_BEEN_EQUAL_TO','value':'paris'}");

        assertThat(matches(contact, known, PropertyOperationFixture.UTC)).isFalse();
        assertThat(matches(contact, hasEver, PropertyOperationFixture.UTC)).isTrue();
    }
}
