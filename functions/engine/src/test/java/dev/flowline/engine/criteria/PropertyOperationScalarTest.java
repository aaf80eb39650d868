package dev.flowline.engine.criteria;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.flowline.engine.criteria.PropertyOperationFixture.matches;
import static dev.flowline.engine.criteria.PropertyOperationFixture.operation;
import static org.assertj.core.api.Assertions.assertThat;

/** Operators on booleans, numbers, strings and enumerations; a value list 'a|b' is a history, oldest first. */
class PropertyOperationScalarTest {

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource(delimiter = ',', value = {
            "IS_KNOWN, x, true", "IS_KNOWN, , false", "IS_KNOWN, x|, false",
            "IS_UNKNOWN, , true", "IS_UNKNOWN, x, false",
            "IS_BLANK, '  ', true", "IS_BLANK, x, false",
            "IS_NOT_BLANK, x, true", "IS_NOT_BLANK, '  ', false"})
    void allPropertyTellsKnownFromUnknownAndBlank(String operator, String versions, boolean expected) {
        var operation = operation("{'operationType':'ALL_PROPERTY','operator':'%s'}", operator);
        assertThat(matches(versions, operation)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} true on {1}: {2}")
    @CsvSource({
            "IS_EQUAL_TO, true, true", "IS_EQUAL_TO, TRUE, true", "IS_EQUAL_TO, false, false",
            "IS_NOT_EQUAL_TO, false, true", "IS_NOT_EQUAL_TO, true, false",
            "HAS_EVER_BEEN_EQUAL_TO, true|false, true", "HAS_EVER_BEEN_EQUAL_TO, false, false",
            "HAS_NEVER_BEEN_EQUAL_TO, false, true", "HAS_NEVER_BEEN_EQUAL_TO, true|false, false",
            "IS_EQUAL_TO, true|false, false"})
    void boolComparesWithTheValueOrItsHistory(String operator, String versions, boolean expected) {
        var operation = operation("{'operationType':'BOOL','operator':'%s','value':true}", operator);
        assertThat(matches(versions, operation)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} 42 on {1}: {2}")
    @CsvSource({
            "IS_EQUAL_TO, 42.0, true", "IS_EQUAL_TO, 41, false",
            "IS_NOT_EQUAL_TO, 41, true", "IS_NOT_EQUAL_TO, 42, false", "IS_NOT_EQUAL_TO, abc, false",
            "IS_GREATER_THAN, 42.5, true", "IS_GREATER_THAN, 42, false",
            "IS_GREATER_THAN_OR_EQUAL_TO, 42, true", "IS_GREATER_THAN_OR_EQUAL_TO, 41.9, false",
            "IS_LESS_THAN, -3, true", "IS_LESS_THAN, 42, false",
            "IS_LESS_THAN_OR_EQUAL_TO, 42, true", "IS_LESS_THAN_OR_EQUAL_TO, 43, false",
            "HAS_EVER_BEEN_EQUAL_TO, 42|50, true", "HAS_EVER_BEEN_EQUAL_TO, 41|50, false",
            "HAS_NEVER_BEEN_EQUAL_TO, 41|50, true", "HAS_NEVER_BEEN_EQUAL_TO, 42|50, false",
            "IS_EQUAL_TO, 42|50, false"})
    void numberComparesNumerically(String operator, String versions, boolean expected) {
        var operation = operation("{'operationType':'NUMBER','operator':'%s','value':42}", operator);
        assertThat(matches(versions, operation)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} [10, 20] on {1}: {2}")
    @CsvSource({
            "IS_BETWEEN, 10, true", "IS_BETWEEN, 20, true", "IS_BETWEEN, 20.01, false",
            "IS_NOT_BETWEEN, 9, true", "IS_NOT_BETWEEN, 15, false"})
    void numberRangedBoundsAreInclusive(String operator, String versions, boolean expected) {
        var operation = operation(
                "{'operationType':'NUMBER_RANGED','operator':'%s','lowerBound':10,'upperBound':20}", operator);
        assertThat(matches(versions, operation)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} 'Paris' on {1}: {2}")
    @CsvSource({
            "IS_EQUAL_TO, pARIS, true", "IS_EQUAL_TO, Pari, false",
            "IS_NOT_EQUAL_TO, Lyon, true", "IS_NOT_EQUAL_TO, PARIS, false",
            "CONTAINS, Grand paris Sud, true", "CONTAINS, Lyon, false",
            "DOES_NOT_CONTAIN, Lyon, true", "DOES_NOT_CONTAIN, PARIS 15, false",
            "STARTS_WITH, paris 15e, true", "STARTS_WITH, Le Paris, false",
            "ENDS_WITH, Le paris, true", "ENDS_WITH, Paris 15, false",
            "HAS_EVER_BEEN_EQUAL_TO, paris|Lyon, true", "HAS_EVER_BEEN_EQUAL_TO, Lyon, false",
            "HAS_NEVER_BEEN_EQUAL_TO, Lyon|Nice, true", "HAS_NEVER_BEEN_EQUAL_TO, PARIS|Lyon, false",
            "HAS_EVER_CONTAINED, Grand Paris|Lyon, true", "HAS_EVER_CONTAINED, Lyon, false",
            "HAS_NEVER_CONTAINED, Lyon|Nice, true", "HAS_NEVER_CONTAINED, Lyon|Paris 15, false",
            "IS_EQUAL_TO, Paris|Lyon, false"})
    void stringComparesIgnoringCase(String operator, String versions, boolean expected) {
        var operation = operation("{'operationType':'STRING','operator':'%s','value':'Paris'}", operator);
        assertThat(matches(versions, operation)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} any of [alpha, Beta] on {1}: {2}")
    @CsvSource({
            "IS_EQUAL_TO, beta, true", "IS_EQUAL_TO, gamma, false",
            "IS_NOT_EQUAL_TO, gamma, true", "IS_NOT_EQUAL_TO, ALPHA, false",
            "CONTAINS, xBETAx, true", "CONTAINS, gamma, false",
            "CONTAINS_EXACTLY, xBetax, true", "CONTAINS_EXACTLY, xbetax, false",
            "DOES_NOT_CONTAIN, gamma, true", "DOES_NOT_CONTAIN, the Alpha, false",
            "DOES_NOT_CONTAIN_EXACTLY, xbetax, true", "DOES_NOT_CONTAIN_EXACTLY, xBetax, false",
            "STARTS_WITH, Alphabet, true", "STARTS_WITH, the alpha, false",
            "ENDS_WITH, the beta, true", "ENDS_WITH, betamax, false"})
    void multiStringMatchesAnyOfItsValues(String operator, String versions, boolean expected) {
        var operation = operation("{'operationType':'MULTISTRING','operator':'%s','values':['alpha','Beta']}",
                operator);
        assertThat(matches(versions, operation)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} [red, blue] on {1}: {2}")
    @CsvSource({
            "IS_ANY_OF, green;Blue, true", "IS_ANY_OF, green, false",
            "IS_NONE_OF, green;yellow, true", "IS_NONE_OF, green;red, false",
            "IS_EXACTLY, blue; red, true", "IS_EXACTLY, red, false", "IS_EXACTLY, red;blue;green, false",
            "IS_NOT_EXACTLY, red, true", "IS_NOT_EXACTLY, red;blue, false",
            "CONTAINS_ALL, red;green;blue, true", "CONTAINS_ALL, red;green, false",
            "DOES_NOT_CONTAIN_ALL, red;green, true", "DOES_NOT_CONTAIN_ALL, blue;red;green, false",
            "HAS_EVER_BEEN_ANY_OF, red|green, true", "HAS_EVER_BEEN_ANY_OF, green|yellow, false",
            "HAS_NEVER_BEEN_ANY_OF, green|yellow, true", "HAS_NEVER_BEEN_ANY_OF, blue|green, false",
            "HAS_EVER_BEEN_EXACTLY, red;blue|green, true", "HAS_EVER_BEEN_EXACTLY, red|blue, false",
            "HAS_NEVER_BEEN_EXACTLY, red|blue, true", "HAS_NEVER_BEEN_EXACTLY, blue;red|green, false",
            "HAS_EVER_CONTAINED_ALL, red;blue;green|green, true", "HAS_EVER_CONTAINED_ALL, red|blue, false",
            "HAS_NEVER_CONTAINED_ALL, red|blue, true", "HAS_NEVER_CONTAINED_ALL, red;blue|green, false",
            "IS_ANY_OF, red|green, false"})
    void enumerationComparesSelectedOptionsAsASet(String operator, String versions, boolean expected) {
        var operation = operation("{'operationType':'ENUMERATION','operator':'%s','values':['red','blue']}",
                operator);
        assertThat(matches(versions, operation)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1} vs {2}: {3}")
    @CsvSource({
            "IS_EQUAL_TO, Paris, PARIS, true", "IS_EQUAL_TO, Paris, Lyon, false",
            "IS_NOT_EQUAL_TO, Paris, Lyon, true", "IS_NOT_EQUAL_TO, Paris, paris, false",
            "CONTAINS, Grand Paris, paris, true", "CONTAINS, Paris, Lyon, false",
            "DOES_NOT_CONTAIN, Paris, Lyon, true", "DOES_NOT_CONTAIN, Grand Paris, paris, false",
            "STARTS_WITH, Paris 15, paris, true", "STARTS_WITH, Le Paris, paris, false",
            "ENDS_WITH, Le Paris, paris, true", "ENDS_WITH, Paris 15, paris, false"})
    void comparativeStringComparesWithAnotherProperty(String operator, String value, String other, boolean expected) {
        var contact = PropertyOperationFixture.contactWith(value);
        contact.setProperty("other", other, PropertyOperationFixture.NOW);
        var operation = operation(
                "{'operationType':'COMPARATIVE_STRING','operator':'%s','comparisonPropertyName':'other'}", operator);
        assertThat(PropertyOperationFixture.matches(contact, operation, PropertyOperationFixture.UTC))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "other {0}, default {1}: {2}")
    @CsvSource({"Paris, Lyon, true", ", paris, true", ", Lyon, false", ", , false"})
    void comparativeStringFallsBackToTheDefaultComparisonValue(String other, String fallback, boolean expected) {
        var contact = PropertyOperationFixture.contactWith("Paris");
        contact.setProperty("other", other, PropertyOperationFixture.NOW);
        var operation = operation("{'operationType':'COMPARATIVE_STRING','operator':'IS_EQUAL_TO',"
                + "'comparisonPropertyName':'other'%s}", fallback == null ? "" : ",'defaultComparisonValue':'" + fallback + "'");
        assertThat(PropertyOperationFixture.matches(contact, operation, PropertyOperationFixture.UTC))
                .isEqualTo(expected);
    }
}
