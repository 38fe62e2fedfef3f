package org.festivalledger.audit;

import org.festivalledger.OnAnEmbeddedStore;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.view.ViewSnapshots;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit trail's snapshot: its lines written as columns over one table of strings, read back the same. */
class SavedLinesTest extends OnAnEmbeddedStore {

    private static final List<AuditTrail.Line> LINES = List.of(
            new AuditTrail.Line(1, "CompetitionAnnounced", "aigc", "organiser", "ORGANISER", null, "c-1",
                    Instant.parse("2026-03-01T10:00:00Z"), Set.of()),
            new AuditTrail.Line(2, "ScoreRecorded", "judging-aigc", "juror-1", "JUROR", null, "c-2",
                    Instant.parse("2026-05-01T08:00:00.123456789Z"), Set.of("round-1", "juror-1", "e1")),
            new AuditTrail.Line(3, "ScoreRevised", "judging-aigc", "juror-1", "JUROR", "重看了一遍，改了分数", "c-3",
                    Instant.parse("2026-05-01T09:30:00.5Z"), Set.of("round-1", "juror-1", "e1")),
            new AuditTrail.Line(4, "ScoreRecorded", "judging-aigc", null, null, "", null, null,
                    Set.of("round-1", "juror-2", "e1")));

    @Test
    void linesReadBackAsTheyWereSaved() throws IOException {
        assertThat(read(ViewSnapshots.serialize(new SavedLines(LINES)))).containsExactlyElementsOf(LINES);
    }

    @Test
    void eachStringIsWrittenOnce() {
        String json = new String(ViewSnapshots.serialize(new SavedLines(LINES)), StandardCharsets.UTF_8);

        assertThat(json).contains("\"layout\":\"" + SavedLines.LAYOUT + "\"");
        assertThat(json.split("\"judging-aigc\"", -1)).hasSize(2);
        assertThat(json.split("\"round-1\"", -1)).hasSize(2);
        assertThat(json).doesNotContain("2026-05-01");
    }

    /** What the trail saved before the columns: the list of lines as JSON objects. */
    @Test
    void aSnapshotWrittenBeforeTheColumnsStillReads() throws IOException {
        assertThat(read(ViewSnapshots.serialize(LINES))).containsExactlyElementsOf(LINES);
    }

    @Test
    void aDamagedSnapshotIsRefusedNotHalfRead() {
        String json = new String(ViewSnapshots.serialize(new SavedLines(LINES)), StandardCharsets.UTF_8)
                .replace("\"lines\":[[1,", "\"lines\":[[1,999,");

        assertThatThrownBy(() -> read(json.getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
    }

    @Test
    void aSnapshotInAnUnknownLayoutIsRefused() {
        String json = new String(ViewSnapshots.serialize(new SavedLines(LINES)), StandardCharsets.UTF_8)
                .replace(SavedLines.LAYOUT, "columns-99");

        assertThatThrownBy(() -> read(json.getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class)
                .hasMessageContaining("columns-99");
    }

    /** The trail restored from columns answers its questions, the revision's predecessor among them. */
    @Test
    void aTrailRestoredFromColumnsAnswersAsBefore() {
        new ViewSnapshots(database).save("audit-trail", LINES.size(), ViewSnapshots.serialize(new SavedLines(LINES)));

        AuditTrail trail = new AuditTrail(new LedgerLog(database, Clock.systemUTC()), database);

        assertThat(trail.upTo(4)).containsExactlyElementsOf(LINES);
        assertThat(trail.scoreBefore("round-1", "juror-1", "e1", 3)).hasValue(2);
    }

    private static List<AuditTrail.Line> read(byte[] json) throws IOException {
        return ViewSnapshots.mapping().readValue(json, SavedLines.class).lines();
    }
}
