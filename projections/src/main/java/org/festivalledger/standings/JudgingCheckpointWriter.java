package org.festivalledger.standings;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Writes time travel's checkpoints ({@link JudgingCheckpoints}) as the live board folds the judging.
 *
 * <p>The board's record changes only in its processor's thread, and this is called there right after an event of
 * a judging stream was folded: the record then holds exactly the judging up to that event, plus entry facts that
 * the checkpoint leaves out. Only a copy of the record is taken under its lock; the JSON, compressing and storing
 * happen on a thread of their own. The copy is also kept in memory as the start of the replays after it
 * ({@link ReplayStarts#keep}). At most two states wait for that thread; beyond that the processor stores the next one
 * itself, so a slow store slows the board down instead of filling the heap with states.
 */
@Component
public class JudgingCheckpointWriter {

    private static final Logger log = LoggerFactory.getLogger(JudgingCheckpointWriter.class);

    private final JudgingBoard board;
    private final JudgingCheckpoints checkpoints;
    private final ReplayStarts starts;
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(2), runnable -> {
                Thread thread = new Thread(runnable, "judging-checkpoints");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.CallerRunsPolicy());
    /** States handed over and not yet stored. */
    private int waiting;

    public JudgingCheckpointWriter(JudgingBoard board, JudgingCheckpoints checkpoints, ReplayStarts starts) {
        this.board = board;
        this.checkpoints = checkpoints;
        this.starts = starts;
        board.onJudgingFolded(this::folded);
        board.onReset(this::reset);
    }

    private void folded(String competitionId, long sequence, long position) {
        if (!checkpoints.due(sequence) || writer.isShutdown()) {
            return;
        }
        try {
            // A record restored from a board snapshot taken after this event holds more than the checkpoint may.
            // Under the lock only a copy (tens of milliseconds at festival scale, the scorecards are shared):
            // the JSON of 150,000 scorecards takes far longer, and every reader of the board would wait for it.
            board.read(competitionId, record -> record.position() == position ? record.copyWithoutEntryFacts() : null)
                    .ifPresent(copy -> {
                        JudgingCheckpoints.Mark mark = new JudgingCheckpoints.Mark(sequence, position);
                        // Kept at once: a replay may start from it while it waits to be stored, and never reads
                        // it back once it is listed.
                        starts.keep(competitionId, mark, copy);
                        handedOver();
                        writer.execute(() -> save(competitionId, mark, copy));
                    });
        } catch (RuntimeException e) {
            log.warn("No time travel checkpoint of {} at sequence {}", competitionId, sequence, e);
        }
    }

    private void save(String competitionId, JudgingCheckpoints.Mark mark, JudgingRecord state) {
        try {
            checkpoints.save(competitionId, mark, JudgingCheckpoints.serialize(state));
        } catch (RuntimeException e) {
            log.warn("Could not store the time travel checkpoint of {} at {}; replays fold from an earlier one",
                    competitionId, mark, e);
        } finally {
            stored();
        }
    }

    private synchronized void handedOver() {
        waiting++;
    }

    private synchronized void stored() {
        waiting--;
        notifyAll();
    }

    /** Waits until every state handed over so far is stored (or failed to be). */
    synchronized void awaitStored() throws InterruptedException {
        while (waiting > 0) {
            wait();
        }
    }

    /**
     * A rebuild from zero forgets the checkpoints and writes them again as the board folds. A state still being
     * stored may land after the forgetting: it is the same state the rebuild writes at that sequence.
     */
    private void reset() {
        checkpoints.clear();
    }

    /** Stores the states still waiting before the store closes. */
    @PreDestroy
    void close() throws InterruptedException {
        writer.shutdown();
        if (!writer.awaitTermination(60, TimeUnit.SECONDS)) {
            log.warn("Time travel checkpoints still being stored at shutdown were dropped");
        }
    }
}
