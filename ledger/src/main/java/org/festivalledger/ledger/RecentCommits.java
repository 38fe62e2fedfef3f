package org.festivalledger.ledger;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The events of the last commits this node appended, by the position each commit starts at.
 *
 * <p>The readers that follow the head (Axon's event store feeding every tracking processor) ask for each new
 * commit by its exact position a moment after it was appended, and read it back from the store: a round trip and a
 * decoded document per commit, about 3 % of the scoring's CPU and a tenth of its allocation in a flight recording
 * of the festival load (docs/benchmarks.md). A commit this node inserted is the one the store holds at that position
 * ({@code _id} is unique and a commit is never changed), and its events are the same values a read would decode
 * ({@code CommitDocument} writes each field as it is), so a reader may take them from here. Commits of other nodes,
 * and any this node appended too long ago to be remembered, are read from the store as before.
 *
 * <p>Fixed size, one slot per position modulo the size: a later commit overwrites an older one in its slot, and a
 * slot answers only for the exact position it holds. Small commits only, so that the whole holds a few megabytes at
 * most however long it sits. Written under the ledger's append lock, read without a lock.
 */
final class RecentCommits {

    private record Commit(long first, List<StoredEvent> events) {
    }

    /** The largest commit remembered, in characters of payload and metadata: a score is about a thousand. */
    static final int LARGEST_CHARACTERS = 16 * 1024;

    private final AtomicReferenceArray<Commit> slots;
    private final int mask;

    /** @param size a power of two: how many commits are remembered at most */
    RecentCommits(int size) {
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size must be a power of two: " + size);
        }
        slots = new AtomicReferenceArray<>(size);
        mask = size - 1;
    }

    /**
     * Remembers a commit this node inserted; {@code events} in position order, the first at its start. A large one
     * (an import, a round opened with 10,000 entries) is not remembered: a quiet hour would keep it on the heap, and
     * its one read back costs little beside its writing. Those readers take it from the store as before.
     */
    void appended(List<StoredEvent> events) {
        long characters = 0;
        for (StoredEvent event : events) {
            characters += (event.payload() == null ? 0 : event.payload().length())
                    + (event.metadata() == null ? 0 : event.metadata().length());
            if (characters > LARGEST_CHARACTERS) {
                return;
            }
        }
        long first = events.get(0).position();
        slots.set((int) (first & mask), new Commit(first, List.copyOf(events)));
    }

    /** The events of the remembered commit that starts exactly at {@code position}, or null. */
    List<StoredEvent> startingAt(long position) {
        Commit commit = slots.get((int) (position & mask));
        return commit != null && commit.first() == position ? commit.events() : null;
    }
}
