package org.festivalledger.standings;

import org.festivalledger.Api;
import org.festivalledger.FestivalLedgerApplication;
import org.festivalledger.Judging;
import org.festivalledger.judging.JudgingId;
import org.festivalledger.ledger.LedgerLog;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A competition's judging is snapshotted by Jackson and, after a restart (an empty cache), rebuilt from
 * its snapshot plus the events after it, with every rule intact: scores stay revisions, the round's
 * assignments still hold, and its board comes back from the board's own snapshot.
 */
class JudgingSnapshotTest {

    @TempDir
    Path directory;

    @Test
    void theJudgingReloadsFromItsSnapshotAfterARestartWithItsRulesIntact() {
        FestivalLedgerApplication.quietAxon();
        String[] arguments = {"--server.port=0", "--ledger.data-dir=" + directory,
                "--ledger.judging-snapshot-threshold=5"};
        Judging judging;
        Object standingsBefore;
        try (ConfigurableApplicationContext first = start(arguments)) {
            Api api = new Api(port(first));
            judging = Judging.with(api, "snap", 4, 2);
            judging.openRound("preliminary", 2, "MEAN", 2);
            judging.autoAssign("preliminary");
            for (String entry : judging.entries) {
                assertThat(judging.score("preliminary", "juror-1", entry, 6, 6, 6, null).status()).isEqualTo(201);
            }
            // Snapshots are taken on the snapshotter's own thread, a moment after the command that triggered them.
            EventStorageEngine engine = first.getBean(EventStorageEngine.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (engine.readSnapshot(JudgingId.of("snap")).isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(engine.readSnapshot(JudgingId.of("snap"))).isPresent();
            standingsBefore = api.get(judging.path("preliminary") + "/standings?minPosition="
                    + first.getBean(LedgerLog.class).head().position()).as(Api.ORGANISER).send().json().get("rows");
        }
        try (ConfigurableApplicationContext second = start(arguments)) {
            Judging again = judging.on(new Api(port(second)));
            Api api = new Api(port(second));
            assertThat(api.get(again.path("preliminary") + "/standings?minPosition="
                    + second.getBean(LedgerLog.class).head().position()).as(Api.ORGANISER).send().json()
                    .get("rows")).isEqualTo(standingsBefore);
            String entry = judging.entries.get(0);
            // The reloaded judging still knows juror-1 scored this entry: a second score needs a reason...
            assertThat(again.score("preliminary", "juror-1", entry, 9, 9, 9, null).status()).isEqualTo(400);
            assertThat(again.score("preliminary", "juror-1", entry, 9, 9, 9, "second look").status()).isEqualTo(201);
            // ...that an entry the round was not opened with takes no score (UnknownEntity: 404)...
            assertThat(again.score("preliminary", "juror-1", "not-in-the-round", 9, 9, 9, null).status())
                    .isEqualTo(404);
            // ...and that juror-1 is assigned to it already.
            assertThat(api.post(again.path("preliminary") + "/assignments").as(Api.ORGANISER)
                    .json(Map.of("jurorId", "juror-1", "submissionId", entry)).send().status()).isEqualTo(409);
        }
    }

    private static ConfigurableApplicationContext start(String[] arguments) {
        return new SpringApplicationBuilder(FestivalLedgerApplication.class).run(arguments);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
