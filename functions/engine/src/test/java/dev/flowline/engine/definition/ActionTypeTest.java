package dev.flowline.engine.definition;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ActionTypeTest {

    @Test
    void marketingEmailNeedsAContentIdAndPacesAsAnEmail() {
        assertThat(ActionType.of("0-4")).get().satisfies(type -> {
            assertThat(type.forms()).containsExactly(List.of("content_id"));
            assertThat(type.pacing()).isEqualTo(ActionType.Pacing.MARKETING_EMAIL);
        });
        assertThat(ActionType.of("0-1").orElseThrow().forms()).hasSize(3);
    }

    @Test
    void appActionIdsAreNotBuiltIn() {
        assertThat(ActionType.of("1-179507819")).isEmpty();
    }

    @Test
    void sequencesAdsAndNotesAreNotPerformed() {
        assertThat(List.of("0-46510720", "0-4702372", "0-30", "0-169425243", "0-23"))
                .allSatisfy(id -> assertThat(ActionType.of(id).orElseThrow().performed()).isFalse());
    }

    @Test
    void tasksRecordsNotificationsSmsAndDeletionArePerformed() {
        assertThat(List.of("0-3", "0-14", "0-9", "0-25", "0-18224765"))
                .allSatisfy(id -> assertThat(ActionType.of(id).orElseThrow().performed()).isTrue());
    }

    @Test
    void onlyTheThreeDelaysPaceAsDelays() {
        assertThat(List.of(ActionType.values()).stream().filter(type -> type.pacing() == ActionType.Pacing.DELAY))
                .extracting(ActionType::id).containsExactlyInAnyOrder("0-1", "0-35", "0-29");
    }

    @Test
    void everyTypeHasADistinctIdADescriptionAndAtLeastOneForm() {
        assertThat(ActionType.values()).extracting(ActionType::id).doesNotHaveDuplicates();
        assertThat(ActionType.values()).allSatisfy(type -> {
            assertThat(type.id()).matches("0-\\d+");
            assertThat(type.description()).isNotBlank();
            assertThat(type.forms()).isNotEmpty();
        });
    }

    @Test
    void aTypeNotPerformedIsSkippedWithItsOwnReasonAndAnUnknownOneWithAGenericReason() {
        assertThat(ActionType.skipReason("0-30")).contains("ads network");
        assertThat(ActionType.skipReason("0-46510720")).contains("sequences");
        assertThat(ActionType.skipReason("0-999")).isEqualTo("action type 0-999 is not run by Flowline");
    }
}
