package dev.flowline.engine.definition;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ActionTypesTest {

    @Test
    void knowsTheBuiltInTypesOfTheReferenceTable() {
        assertThat(ActionTypes.find("0-4")).get().satisfies(type -> {
            assertThat(type.forms()).containsExactly(List.of("content_id"));
            assertThat(type.runsInFlowline()).isTrue();
        });
        assertThat(ActionTypes.find("0-1").orElseThrow().forms()).hasSize(3);
    }

    @Test
    void appActionIdsAreNotBuiltIn() {
        assertThat(ActionTypes.find("1-179507819")).isEmpty();
    }

    @Test
    void sequencesAdsAndNotesNeedAThirdParty() {
        assertThat(List.of("0-46510720", "0-4702372", "0-30", "0-169425243"))
                .allSatisfy(id -> assertThat(ActionTypes.find(id).orElseThrow().runsInFlowline()).isFalse());
    }

    @Test
    void tasksRecordsAndNotificationsRunInFlowline() {
        assertThat(List.of("0-3", "0-14", "0-9"))
                .allSatisfy(id -> assertThat(ActionTypes.find(id).orElseThrow().runsInFlowline()).isTrue());
    }

    @Test
    void everyTypeHasADescriptionAndAtLeastOneForm() {
        assertThat(ActionTypes.all()).isNotEmpty().allSatisfy(type -> {
            assertThat(type.id()).matches("0-\\d+");
            assertThat(type.description()).isNotBlank();
            assertThat(type.forms()).isNotEmpty();
        });
    }
}
