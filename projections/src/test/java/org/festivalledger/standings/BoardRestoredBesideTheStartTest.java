package org.festivalledger.standings;

import org.festivalledger.OnAnEmbeddedStore;
import org.festivalledger.jury.JurorAppointed;
import org.festivalledger.view.ViewSnapshots;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The judging board reads its snapshots on a thread of its own while the application starts; whoever asks it
 * anything before that read is done waits for it, and never gets the answer of an empty board.
 */
class BoardRestoredBesideTheStartTest extends OnAnEmbeddedStore {

    private static final String C = "restored-beside-the-start";

    @Test
    void aReaderAskingAtOnceGetsTheRestoredRecordNotAnEmptyBoard() {
        JudgingRecord saved = new JudgingRecord(C);
        for (int juror = 1; juror <= 2_000; juror++) { // a snapshot that takes a moment to read
            saved.apply(new JurorAppointed(C, "juror-" + juror, "Juror " + juror, "token-" + juror), juror);
        }
        new ViewSnapshots(database).save("judging:" + C, saved.position(), ViewSnapshots.serialize(saved));

        JudgingBoard board = new JudgingBoard(database);

        assertThat(board.read(C, record -> record.jurors().size())).contains(2_000);
        assertThat(board.jurorWithTokenHash("token-1999")).contains(C + "/juror-1999");
        assertThat(board.restoredPosition()).isEqualTo(2_000);
    }
}
