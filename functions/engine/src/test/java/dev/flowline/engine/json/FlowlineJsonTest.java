package dev.flowline.engine.json;

import dev.flowline.engine.criteria.Filter;
import dev.flowline.engine.criteria.NumberOperation;
import dev.flowline.engine.criteria.PropertyOperation;
import dev.flowline.engine.criteria.TimePointOperation;
import dev.flowline.engine.criteria.UnknownFilter;
import dev.flowline.engine.definition.Flow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mapper keeps HubSpot JSON lossless; unions fall back to raw members instead of failing. */
class FlowlineJsonTest {

    @Test
    void unionKeepsAMemberWithAnUnknownDiscriminatorWhole() {
        String json = "{\"filterType\":\"WEBINAR\",\"operator\":\"HAS_WEBINAR_ATTENDANCE\",\"webinarId\":\"w-1\"}";

        Filter filter = FlowlineJson.read(json, Filter.class);

        assertThat(filter).isInstanceOf(UnknownFilter.class);
        assertThat(FlowlineJson.write(filter)).isEqualTo(json);
    }

    @Test
    void unionTreatsAMissingOrNonTextDiscriminatorAsUnknown() {
        assertThat(FlowlineJson.read("{\"filterType\":5}", Filter.class)).isInstanceOf(UnknownFilter.class);
        assertThat(FlowlineJson.read("{\"property\":\"email\"}", Filter.class)).isInstanceOf(UnknownFilter.class);
    }

    @Test
    void unionFallsBackToTheSecondDiscriminator() {
        PropertyOperation operation = FlowlineJson.read("{\"type\":\"TIME_POINT\",\"operator\":\"IS_AFTER\"}",
                PropertyOperation.class);

        assertThat(operation).isInstanceOf(TimePointOperation.class);
    }

    @Test
    void unionMemberThatIsNotAnObjectIsRejectedWithItsPointer() {
        assertThatThrownBy(() -> Flow.parse("{\"actions\":[{\"type\":\"WEBHOOK\"},42]}"))
                .isInstanceOfSatisfying(InvalidJsonException.class,
                        e -> assertThat(e.pointer()).isEqualTo("/actions/1"));
    }

    @Test
    void malformedJsonIsAnInvalidJsonException() {
        assertThatThrownBy(() -> Flow.parse("{\"actions\":[")).isInstanceOf(InvalidJsonException.class);
    }

    @Test
    void decimalsKeepTheirScale() {
        var operation = FlowlineJson.read("{\"operationType\":\"NUMBER\",\"value\":100.000}", PropertyOperation.class);

        assertThat(((NumberOperation) operation).value()).isEqualByComparingTo("100").hasToString("100.000");
        assertThat(FlowlineJson.write(operation)).contains("\"value\":100.000");
    }

    @Test
    void absentFieldsStayAbsent() {
        assertThat(Flow.parse("{\"name\":\"n\"}").toJson()).isEqualTo("{\"name\":\"n\"}");
    }

    @Test
    void explicitNullIsKeptInAnUnknownFieldButWrittenAsAbsentForAModelledOne() {
        String written = Flow.parse("{\"description\":null,\"legacy\":null}").toJson();

        assertThat(written).isEqualTo("{\"legacy\":null}");
    }

    @Test
    void treeAndReadAgreeOnLargeIntegers() {
        var flow = Flow.parse("{\"suppressionListIds\":[9223372036854775807]}");

        assertThat(FlowlineJson.tree(flow).at("/suppressionListIds/0").longValue()).isEqualTo(Long.MAX_VALUE);
        assertThat(flow.suppressionListIds().get(0)).isEqualTo(Long.MAX_VALUE);
    }
}
