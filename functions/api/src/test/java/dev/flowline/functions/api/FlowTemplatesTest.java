package dev.flowline.functions.api;

import dev.flowline.aws.EmbeddedAws;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.FlowValidator;
import dev.flowline.engine.json.FlowlineJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;

import static dev.flowline.functions.api.FlowRoutesTest.FLOWS;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedAws.class)
class FlowTemplatesTest {

    @Test
    void everyTemplateIsAValidFlowWithZeroProblems() {
        assertThat(FlowTemplates.all()).hasSize(FlowTemplates.IDS.size()).allSatisfy(template -> {
            Flow flow = FlowlineJson.read(template.flow(), Flow.class);
            assertThat(FlowValidator.validate(flow)).as(template.templateId()).isEmpty();
            assertThat(flow.enabled()).isFalse();
            assertThat(template.name()).isNotBlank();
            assertThat(template.description()).isNotBlank();
        });
    }

    @Test
    void theLibraryListsEveryTemplate(EmbeddedAws.Environment aws) {
        var response = new FlowApi(aws).get(FLOWS + "/templates");

        assertThat(response.status()).isEqualTo(200);
        var ids = new ArrayList<String>();
        response.body().path("results").forEach(template -> ids.add(template.path("templateId").asText()));
        assertThat(ids).containsExactly("welcome-series", "lead-nurturing", "re-engagement", "event-follow-up");
    }

    @Test
    void instantiatingATemplateCreatesANewFlowThatIsOff(EmbeddedAws.Environment aws) {
        var api = new FlowApi(aws);

        var created = api.post(FLOWS + "/templates/lead-nurturing", "{\"name\":\"Nurture Q4 leads\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("name").asText()).isEqualTo("Nurture Q4 leads");
        assertThat(created.body().path("isEnabled").asBoolean()).isFalse();
        assertThat(created.body().path("revisionId").asText()).isEqualTo("1");
        String id = created.body().path("id").asText();
        assertThat(api.get(FLOWS + "/" + id).body().path("actions")).hasSize(7);
    }

    @Test
    void instantiatingAnUnknownTemplateIsA404(EmbeddedAws.Environment aws) {
        assertThat(new FlowApi(aws).post(FLOWS + "/templates/birthday", null).status()).isEqualTo(404);
    }
}
