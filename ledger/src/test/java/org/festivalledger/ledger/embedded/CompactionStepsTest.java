package org.festivalledger.ledger.embedded;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.ledger.embedded.CompactionSteps.LARGEST_BYTES;
import static org.festivalledger.ledger.embedded.CompactionSteps.QUIET_WRITES;
import static org.festivalledger.ledger.embedded.CompactionSteps.SMALL_BYTES;

/** How much each step of the running compaction may rewrite. */
class CompactionStepsTest {

    private static final int PATIENCE = 80; // a larger step every 60 s, a step every 750 ms
    private static final long BUSY = QUIET_WRITES + 1;
    private static final long QUIET = QUIET_WRITES;

    private final CompactionSteps steps = new CompactionSteps(60_000, 750);

    @Test
    void whileWritersAreBusyAStepStaysSmallHoweverLongTheFileStaysSparse() {
        for (int step = 0; step < 10 * PATIENCE; step++) {
            assertThat(step(BUSY, true)).as("step %d", step).isEqualTo(SMALL_BYTES);
        }
    }

    @Test
    void aQuietStoreWithASparseFileTakesOneLargerStepAMinuteEachTwiceTheLastUpToTheLargest() {
        int expectedLarge = 2 * SMALL_BYTES;
        for (int period = 0; period < 8; period++) {
            for (int step = 0; step < PATIENCE; step++) {
                assertThat(step(QUIET, true)).as("period %d, step %d", period, step).isEqualTo(SMALL_BYTES);
            }
            assertThat(step(QUIET, true)).as("period %d's larger step", period).isEqualTo(expectedLarge);
            expectedLarge = Math.min(LARGEST_BYTES, 2 * expectedLarge);
        }
        assertThat(expectedLarge).as("reached within the test").isEqualTo(LARGEST_BYTES);
    }

    @Test
    void aFileFullEnoughStartsOver() {
        nearALargeStep();
        assertThat(step(QUIET, true)).isEqualTo(2 * SMALL_BYTES);
        nearALargeStep();
        assertThat(step(QUIET, false)).as("and the file is full enough").isEqualTo(4 * SMALL_BYTES);
        assertStartedOver();
    }

    @Test
    void aFileFullEnoughInTheMiddleOfTheMinuteStartsItOver() {
        for (int step = 0; step < PATIENCE / 2; step++) {
            step(QUIET, true);
        }
        step(QUIET, false);
        assertStartedOver();
    }

    @Test
    void writersComingBackMakeTheNextStepSmallAtOnceAndStartOver() {
        nearALargeStep();
        assertThat(step(QUIET, true)).isEqualTo(2 * SMALL_BYTES);
        nearALargeStep(); // the next larger step would be 4 MB
        assertThat(step(BUSY, true)).isEqualTo(SMALL_BYTES);
        assertStartedOver();
    }

    /** The quiet store waits a whole minute again, and its next larger step is the first size again. */
    private void assertStartedOver() {
        for (int step = 0; step < PATIENCE; step++) {
            assertThat(step(QUIET, true)).as("step %d: a minute is waited out again", step).isEqualTo(SMALL_BYTES);
        }
        assertThat(step(QUIET, true)).as("from the first larger step again").isEqualTo(2 * SMALL_BYTES);
    }

    /** Quiet steps with the file sparse until the next may write more. */
    private void nearALargeStep() {
        for (int step = 0; step < PATIENCE; step++) {
            step(QUIET, true);
        }
    }

    /** A step after {@code writes} write commands, leaving the file sparse or not; returns the limit it had. */
    private int step(long writes, boolean sparseAfter) {
        int limit = steps.limit(writes);
        steps.done(sparseAfter);
        return limit;
    }
}
