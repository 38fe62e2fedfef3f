package org.festivalledger.transparency;

import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.StoredEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The ledger as a transparency log: it folds new events into the {@link LogTree} (leaf i is the event at position
 * i + 1, its data the event's 32-byte chain hash), signs checkpoints and answers proofs and receipts.
 *
 * <p>The tree follows the ledger rather than being written by the append path: the ledger's own commit stays one
 * insert, and a tree that falls behind (a crash, a second node appending) only has to read forward. Every query
 * catches up first, so an answer never lags the ledger it was asked about.
 */
public final class TransparencyLog {

    private static final int BATCH = 1_000;

    private final LedgerLog ledger;
    private final LogTree tree;
    private final Checkpoints checkpoints;
    private final LogSigningKey key;
    private final Clock clock;
    private final Predicate<StoredEvent> signAtEvent;

    /**
     * @param signAtEvent the events that get a checkpoint of their own, at their position (publications)
     * @throws Checkpoints.ForeignSigningKey if the log's checkpoints are signed with another key
     */
    public TransparencyLog(LedgerLog ledger, LogTree tree, Checkpoints checkpoints, LogSigningKey key, Clock clock,
                           Predicate<StoredEvent> signAtEvent) {
        this.ledger = ledger;
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.key = key;
        this.clock = clock;
        this.signAtEvent = signAtEvent;
        checkpoints.claimFor(key.verifierKey());
    }

    /** A proof that the event at a position is in the tree of a size. */
    public record Inclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> hashes) {
    }

    /** A receipt: the event's position and chain hash, a checkpoint that covers it, and the proof into it. */
    public record Receipt(long position, byte[] hash, SignedCheckpoint checkpoint, Inclusion inclusion) {
    }

    public VerifierKey verifierKey() {
        return key.verifierKey();
    }

    /** Folds every event the ledger holds beyond the tree into it, signing at the events that ask for it. */
    public synchronized long catchUp() {
        long size = tree.refresh();
        long head = ledger.head().position();
        if (size >= head) {
            return size;
        }
        try (Stream<StoredEvent> events = ledger.readFrom(size + 1)) {
            Iterator<StoredEvent> iterator = events.iterator();
            List<byte[]> batch = new ArrayList<>(BATCH);
            long expected = size + 1;
            while (iterator.hasNext() && expected <= head) {
                StoredEvent event = iterator.next();
                if (event.position() != expected) {
                    throw new IllegalStateException("the ledger gave position " + event.position() + " where "
                            + expected + " was expected");
                }
                batch.add(HexFormat.of().parseHex(event.hash()));
                expected++;
                if (signAtEvent.test(event)) {
                    tree.append(batch);
                    batch.clear();
                    sign(event.position());
                } else if (batch.size() == BATCH) {
                    tree.append(batch);
                    batch.clear();
                }
            }
            tree.append(batch);
        }
        return tree.size();
    }

    /** Signs a checkpoint of the whole tree if the ledger moved past the latest one; the one signed, if any. */
    public synchronized Optional<SignedCheckpoint> checkpointIfMoved() {
        long size = catchUp();
        long latest = checkpoints.latest().map(SignedCheckpoint::size).orElse(0L);
        return size > latest ? Optional.of(sign(size)) : Optional.empty();
    }

    /** The latest checkpoint, signed now if the log has none yet. */
    public synchronized SignedCheckpoint latest() {
        long size = catchUp();
        return checkpoints.latest().orElseGet(() -> sign(size));
    }

    /** Every checkpoint kept, smallest tree first. */
    public List<SignedCheckpoint> all() {
        return checkpoints.all();
    }

    /**
     * The checkpoint of exactly {@code size} (a publication's position), signed now if none was (a ledger older
     * than its tree).
     */
    public synchronized Optional<SignedCheckpoint> checkpointAt(long size) {
        if (size < 1 || size > catchUp()) {
            return Optional.empty();
        }
        return Optional.of(checkpoints.at(size).orElseGet(() -> sign(size)));
    }

    /** The number of events the tree covers (after catching up with the ledger). */
    public long size() {
        return catchUp();
    }

    /** The inclusion proof of the event at {@code position} in the tree of {@code treeSize} leaves. */
    public Inclusion inclusion(long position, long treeSize) {
        within(position, treeSize);
        long leafIndex = position - 1;
        return new Inclusion(leafIndex, treeSize, tree.hash(0, leafIndex), tree.inclusion(leafIndex, treeSize));
    }

    /** The consistency proof between two tree sizes. */
    public List<byte[]> consistency(long from, long to) {
        within(from, to);
        return tree.consistency(from, to);
    }

    /** The event at a position, if the ledger has it. */
    public Optional<StoredEvent> event(long position) {
        if (position < 1) {
            return Optional.empty();
        }
        try (Stream<StoredEvent> events = ledger.readFrom(position, 1)) {
            return events.findFirst().filter(event -> event.position() == position);
        }
    }

    /** The receipt of the event at {@code position}: the latest checkpoint (one that covers it) and the proof. */
    public synchronized Receipt receipt(StoredEvent event) {
        SignedCheckpoint checkpoint = latest();
        if (checkpoint.size() < event.position()) {
            checkpoint = sign(tree.size());
        }
        return new Receipt(event.position(), HexFormat.of().parseHex(event.hash()), checkpoint,
                inclusion(event.position(), checkpoint.size()));
    }

    /** Forgets the tree and folds the whole ledger into it again (checkpoints stay: they must agree with it). */
    public synchronized long rebuild() {
        tree.clear();
        return catchUp();
    }

    private void within(long smaller, long larger) {
        long size = catchUp();
        if (smaller < 1 || smaller > larger || larger > size) {
            throw new IllegalArgumentException("need 1 ≤ " + smaller + " ≤ " + larger + " ≤ " + size
                    + " (the log's size)");
        }
    }

    private SignedCheckpoint sign(long size) {
        Checkpoint checkpoint = new Checkpoint(key.name(), size, tree.root(size));
        Instant now = clock.instant();
        return checkpoints.keep(new SignedCheckpoint(checkpoint, now, SignedNote.sign(checkpoint.text(), key)));
    }
}
