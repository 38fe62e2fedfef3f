package org.festivalledger.audit;

import org.festivalledger.OnAnEmbeddedStore;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.view.ViewSnapshots;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail reads its snapshot on a thread of its own while the application starts; a question asked before
 * that read is done waits for it and is answered from the restored lines, never from an empty trail.
 */
class TrailRestoredBesideTheStartTest extends OnAnEmbeddedStore {

    @Test
    void aQuestionAskedAtOnceIsAnsweredFromTheRestoredLines() {
        List<AuditTrail.Line> lines = new ArrayList<>();
        for (long position = 1; position <= 20_000; position++) {
            lines.add(new AuditTrail.Line(position, "ScoreRecorded", "judging-x", "juror-1", "JUROR", null,
                    "c-" + position, Instant.EPOCH, Set.of("round-1", "juror-1", "entry-" + position)));
        }
        new ViewSnapshots(database).save("audit-trail", lines.size(), ViewSnapshots.serialize(lines));

        AuditTrail trail = new AuditTrail(new LedgerLog(database, Clock.systemUTC()), database);

        assertThat(trail.upTo(20_000)).hasSize(20_000).last()
                .satisfies(line -> assertThat(line.concerns("entry-20000")).isTrue());
    }
}
