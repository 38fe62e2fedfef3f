package org.festivalledger.storage;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.festivalledger.FestivalLedgerApplication;
import org.festivalledger.competition.CompetitionCatalogue;
import org.festivalledger.http.ProjectionProgress;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.programme.ProgrammeSchedule;
import org.festivalledger.submission.SubmissionRegister;
import org.festivalledger.view.ViewPositions;
import org.festivalledger.view.ViewSnapshots;
import org.festivalledger.audit.AuditTrail;
import org.festivalledger.audit.SavedLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write-through views start where their stored state ends: a clean stop saves each group's position, and the
 * next start's processors begin there (their first status is that position, not the start of the log) with the
 * stored views served at once. The audit trail starts from its snapshot the same way.
 */
class ViewsRestartTest {

    @TempDir
    Path directory;

    @Test
    void theCatalogueTheRegisterAndTheScheduleResumeFromTheirSavedPositions() {
        FestivalLedgerApplication.quietAxon();
        String[] arguments = {"--server.port=0", "--ledger.data-dir=" + directory, "--ledger.demo.enabled=true"};
        long head;
        try (ConfigurableApplicationContext first = new SpringApplicationBuilder(FestivalLedgerApplication.class)
                .run(arguments)) {
            head = first.getBean(LedgerLog.class).head().position();
            assertThat(first.getBean(ProjectionProgress.class).awaitPosition(head, Duration.ofSeconds(60))).isTrue();
        }

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(FestivalLedgerApplication.class)
                .run(arguments)) {
            ViewPositions positions = new ViewPositions(second.getBean(MongoDatabase.class));
            EventProcessingConfiguration processing = second.getBean(EventProcessingConfiguration.class);
            for (String group : ViewPositionKeeper.WRITE_THROUGH_VIEWS) {
                assertThat(positions.load(group)).as("%s saved at the clean stop", group).isEqualTo(head);
                StreamingEventProcessor processor = (StreamingEventProcessor) processing.eventProcessor(group)
                        .orElseThrow();
                // Never behind the saved position: the processor did not start from the beginning of the log.
                processor.processingStatus().values().forEach(status -> {
                    OptionalLong at = status.getCurrentPosition();
                    assertThat(at.orElse(head)).as(group).isGreaterThanOrEqualTo(head);
                });
            }
            assertThat(new ViewSnapshots(second.getBean(MongoDatabase.class)).load("audit-trail",
                    SavedLines.class)).as("the audit trail's snapshot at the clean stop")
                    .hasValueSatisfying(snapshot -> assertThat(snapshot.view().lines()).hasSize((int) head));
            assertThat(second.getBean(AuditTrail.class).upTo(head)).hasSize((int) head);
            assertThat(second.getBean(CompetitionCatalogue.class).find("bjiff-aigc-2026")).isPresent();
            assertThat(second.getBean(SubmissionRegister.class).of("bjiff-aigc-2026")).hasSize(430);
            assertThat(second.getBean(ProgrammeSchedule.class).publicSchedule("bjiff-aigc-2026").days()).isNotEmpty();
            assertThat(second.getBean(ProjectionProgress.class).awaitPosition(head, Duration.ofSeconds(30))).isTrue();
        }
    }
}
