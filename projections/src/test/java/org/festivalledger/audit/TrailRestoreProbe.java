package org.festivalledger.audit;

import org.festivalledger.OnAnEmbeddedStore;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.view.ViewSnapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A measurement, not a test (it asserts nothing about time and runs only when asked:
 * {@code -Dtest=TrailRestoreProbe -Dtrail.probe=true}): what restoring the audit trail from its snapshot costs at
 * the restart benchmark's 160,000 events (mostly scores), in a fresh JVM (as at a start) and once compiled.
 */
@EnabledIfSystemProperty(named = "trail.probe", matches = "true")
class TrailRestoreProbe extends OnAnEmbeddedStore {

    @Test
    void costOfRestoringTheTrail() {
        List<AuditTrail.Line> lines = new ArrayList<>();
        Instant at = Instant.parse("2026-05-01T08:00:00.123456Z");
        for (long position = 1; position <= 160_000; position++) {
            lines.add(new AuditTrail.Line(position, "ScoreRecorded", "judging-timetravel", "juror-" + position % 100,
                    "JUROR", null, UUID.randomUUID().toString(), at.plusMillis(position * 37),
                    Set.of("round-" + position % 3, "juror-" + position % 100, String.format("tt-%05d", position % 10_000))));
        }
        byte[] json = ViewSnapshots.serialize(new SavedLines(lines));
        new ViewSnapshots(database).save("audit-trail", lines.size(), json);
        for (int read = 1; read <= 5; read++) {
            long started = System.nanoTime();
            AuditTrail trail = new AuditTrail(new LedgerLog(database, Clock.systemUTC()), database);
            assertThat(trail.upTo(160_000)).hasSize(160_000);
            System.out.printf("PROBE restore %d of a trail snapshot of %,d bytes: %.1f ms%n", read, json.length,
                    (System.nanoTime() - started) / 1e6);
        }
    }
}
