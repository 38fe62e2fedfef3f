package org.festivalledger.ledger.embedded;

/**
 * How much each step of the running compaction may rewrite ({@link CommittingH2Backend#compact()}).
 *
 * <p>A step rewrites and commits under the store's write lock, which every append waits for, so while writers are
 * busy a step writes {@link #SMALL_BYTES}. But H2 never picks a chunk with more live data than a step may write, and
 * a sparse chunk that still holds more would stay sparse for good. Such chunks come from a catch-up's or a rebuild's
 * large commits (up to CommittingH2Backend#UNSAVED_LIMIT of pages each) and from a file rewritten offline. So once the
 * store is quiet (a festival has many quiet moments: nights, breaks between rounds) and its file has stayed sparse for
 * {@link #LARGER_STEP_EVERY_MILLIS}, one step may write more: twice the small step's limit, then, as long as the store
 * stays quiet and its file sparse, twice that the same time later, up to {@link #LARGEST_BYTES}. A larger step may
 * take the sparse large chunk, not aim at it: H2 picks the sparsest and oldest chunks that fit. Slowly, because what
 * a step rewrites stays in the file for the retention time like any chunk and the file shrinks only once its end is
 * free: a larger step every 15 s (once the retention time) grew the judging benchmark's file by a quarter in its quiet
 * minute (1,800 against 1,426 B per event; docs/benchmarks.md).
 *
 * <p>Not thread-safe: the compacting thread alone uses it, under the write lock.
 */
final class CompactionSteps {

    /**
     * What a step may rewrite while writers are busy, and most steps in a quiet store (a step every
     * EmbeddedMongoStore#COMPACT_MILLIS). Under a festival's continuous load the file gains dead pages with
     * every commit; 4 MB every 30 s did not keep up (20 kB per event on disk). But what the compaction writes is kept
     * for the retention time like any other chunk: with a 15 s retention (EmbeddedMongoStore#RETENTION_MILLIS) 16 MB
     * every 3 s wrote about twice what the group commits did, and the judging benchmark's file while running was 2.1
     * kB per event; 4 MB every 3 s kept up and left 1.7 kB (docs/benchmarks.md). The same pace now comes as 1 MB
     * every 750 ms: at 4 MB a time a flight recording found a step holding the write lock for 100–218 ms (once 980).
     */
    static final int SMALL_BYTES = 1024 * 1024;
    /**
     * Write commands since the last step up to which the store counts as quiet (about 13 a second). An idle
     * application writes a few: the policies' token claims, the views' kept positions. A juror or two scoring now
     * and then count as quiet too, and may wait for a larger step once a minute.
     */
    static final int QUIET_WRITES = 10;
    /**
     * The most a larger step may rewrite, counted as stored (compressed), as H2 counts a chunk's live data. Rewritten
     * pages are decoded and stay unsaved until the step's commit, several times larger than stored; 8 MB stored keeps
     * that near what CommittingH2Backend#UNSAVED_LIMIT lets any commit hold (the bound came after a commit of unbounded
     * unsaved pages ran out of memory). It also bounds the time the write lock is held: a 4 MB step held it 100–218
     * ms, so about twice that, at most once a minute, in a quiet store. A chunk holds what one commit wrote: at most
     * UNSAVED_LIMIT of decoded pages here, or H2's own write buffer (at most 19 MB decoded) in a file rewritten offline
     * or at a clean stop, so a few MB stored; one past this still waits for a clean stop.
     */
    static final int LARGEST_BYTES = CommittingH2Backend.UNSAVED_LIMIT / 2;
    /** How long a quiet store's file stays sparse before a larger step, and between two: four retention times. */
    static final long LARGER_STEP_EVERY_MILLIS = 60_000;

    /** Quiet steps with the file sparse before one may write more. */
    private final int patience;
    private boolean quiet;
    private int sparseQuietSteps;
    private int largeLimit = 2 * SMALL_BYTES;

    /** Steps every {@code stepMillis}; a larger one every {@code largerStepEveryMillis} while the store is quiet. */
    CompactionSteps(long largerStepEveryMillis, long stepMillis) {
        this.patience = (int) Math.max(1, largerStepEveryMillis / stepMillis);
    }

    /** What the next step may rewrite, given the write commands applied since the last one. */
    int limit(long writesSinceLastStep) {
        quiet = writesSinceLastStep <= QUIET_WRITES;
        if (!quiet) {
            startOver();
        }
        return largeStep() ? largeLimit : SMALL_BYTES;
    }

    /** After a step: whether the file is still below the compaction's target fill rate. */
    void done(boolean sparse) {
        if (!sparse) {
            startOver();
        } else if (quiet && largeStep()) {
            sparseQuietSteps = 0;
            largeLimit = (int) Math.min(LARGEST_BYTES, 2L * largeLimit);
        } else if (quiet) {
            sparseQuietSteps++;
        }
    }

    private boolean largeStep() {
        return sparseQuietSteps >= patience;
    }

    private void startOver() {
        sparseQuietSteps = 0;
        largeLimit = 2 * SMALL_BYTES;
    }
}
