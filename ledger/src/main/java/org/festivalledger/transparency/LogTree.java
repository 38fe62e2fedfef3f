package org.festivalledger.transparency;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The ledger's Merkle tree, persisted as its complete subtrees: one document per subtree, {@code _id}
 * {@code "<level>:<index>"}, holding its 32-byte hash; and the tree's size. Every hash a root or a proof needs is
 * a few such subtrees, so a proof is one batched exact-key read (the embedded store answers only {@code _id} and
 * unique-index lookups without a scan), and appending a leaf writes it and the subtrees it completes (two on
 * average, at most log n). A restart reads the right edge back (one subtree per set bit of the size) instead of
 * recomputing anything from the first event.
 *
 * <p>Subtree hashes are a pure function of the ledger, so several nodes may write the same ones: a duplicate is
 * the same bytes and is ignored, and the stored size only grows. Nodes are written before the size, so a store
 * that keeps a prefix of writes after a crash never has a size without its nodes.
 */
public final class LogTree {

    public static final String NODES = "tlog_nodes";
    public static final String STATE = "tlog_state";
    private static final String TREE = "tree";

    private final MongoCollection<Document> nodes;
    private final MongoCollection<Document> state;
    private MerkleFrontier frontier;

    public LogTree(MongoDatabase database) {
        this.nodes = database.getCollection(NODES);
        this.state = database.getCollection(STATE);
        this.frontier = MerkleFrontier.of(storedSize(), this::hash);
    }

    /** Leaves in the tree: the ledger positions it covers. */
    public synchronized long size() {
        return frontier.size();
    }

    /** Picks up what other nodes appended since this one last looked. */
    public synchronized long refresh() {
        long stored = storedSize();
        if (stored > frontier.size()) {
            frontier = MerkleFrontier.of(stored, this::hash);
        }
        return frontier.size();
    }

    /**
     * Appends leaves after the current size.
     *
     * @param leafData each leaf's data, in order: the 32-byte chain hashes of the next positions
     */
    public synchronized void append(List<byte[]> leafData) {
        if (leafData.isEmpty()) {
            return;
        }
        List<Document> completed = new ArrayList<>(leafData.size() * 2);
        MerkleFrontier next = frontier.copy();
        for (byte[] data : leafData) {
            next.append(data, (level, index, hash) -> completed.add(new Document("_id", id(level, index))
                    .append("h", new Binary(hash))));
        }
        try {
            nodes.insertMany(completed, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // Another node wrote some of the same subtrees: they hold the same hashes.
            if (e.getWriteErrors().stream().anyMatch(error ->
                    ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
        state.updateOne(Filters.eq("_id", TREE), Updates.max("size", next.size()), new UpdateOptions().upsert(true));
        frontier = next;
    }

    /** The current root. */
    public synchronized byte[] root() {
        return frontier.root();
    }

    /** MTH of the first {@code size} leaves ({@code size ≤ size()}). */
    public byte[] root(long size) {
        within(size);
        return batched(subtrees -> MerkleProofs.root(size, subtrees));
    }

    /** The inclusion proof of leaf {@code leafIndex} in the tree of {@code size} leaves. */
    public List<byte[]> inclusion(long leafIndex, long size) {
        within(size);
        return batched(subtrees -> MerkleProofs.inclusion(leafIndex, size, subtrees));
    }

    /** The consistency proof from the tree of {@code from} leaves to that of {@code to}. */
    public List<byte[]> consistency(long from, long to) {
        within(to);
        return batched(subtrees -> MerkleProofs.consistency(from, to, subtrees));
    }

    /** The hash of one stored subtree (a leaf at level 0). */
    public byte[] hash(int level, long index) {
        Document node = nodes.find(Filters.eq("_id", id(level, index))).first();
        if (node == null) {
            throw new IllegalStateException("the tree has no subtree " + id(level, index));
        }
        return node.get("h", Binary.class).getData();
    }

    /** Forgets the whole tree: the first step of rebuilding it from the ledger. */
    public synchronized void clear() {
        state.deleteOne(Filters.eq("_id", TREE));
        nodes.deleteMany(new Document());
        frontier = new MerkleFrontier();
    }

    /**
     * Runs a computation twice: first to learn which subtrees it reads (answering with placeholders), then with
     * all of them fetched in one exact-key query. The subtrees a proof needs depend only on sizes and indexes,
     * never on hash values, so the first run asks for exactly what the second will.
     */
    private <T> T batched(Function<Subtrees, T> computation) {
        Set<String> wanted = new LinkedHashSet<>();
        byte[] placeholder = new byte[MerkleHashes.SIZE];
        computation.apply((level, index) -> {
            wanted.add(id(level, index));
            return placeholder;
        });
        Map<String, byte[]> found = new HashMap<>();
        if (!wanted.isEmpty()) {
            nodes.find(Filters.in("_id", wanted)).batchSize(Math.max(2, wanted.size()))
                    .forEach(node -> found.put(node.getString("_id"), node.get("h", Binary.class).getData()));
        }
        return computation.apply((level, index) -> {
            byte[] hash = found.get(id(level, index));
            if (hash == null) {
                throw new IllegalStateException("the tree has no subtree " + id(level, index));
            }
            return hash;
        });
    }

    private void within(long size) {
        if (size < 0 || size > size()) {
            throw new IllegalArgumentException("the tree has " + size() + " leaves, not " + size);
        }
    }

    private long storedSize() {
        Document tree = state.find(Filters.eq("_id", TREE)).first();
        return tree == null ? 0 : ((Number) tree.get("size")).longValue();
    }

    private static String id(int level, long index) {
        return level + ":" + index;
    }
}
