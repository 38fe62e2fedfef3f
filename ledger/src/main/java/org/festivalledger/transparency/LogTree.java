package org.festivalledger.transparency;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The ledger's Merkle tree, persisted so that proofs are a few exact-key reads and a restart reads back the right
 * edge instead of recomputing anything from the first event.
 *
 * <p>Layout: the leaf hashes in <em>blocks</em> of {@value #BLOCK} ({@code _id "b:<block>"}, the hashes
 * concatenated, the last block growing), and every complete subtree of {@value #BLOCK} leaves or more as its own
 * document ({@code _id "<level>:<index>"}). A subtree inside a block is recomputed from its leaves (at most 127
 * hashes); one above is a lookup. Storing every node as a document cost the embedded store about half a
 * millisecond per event (two inserts); blocks make it one write per block touched and one per 256 events above it
 * (see docs/benchmarks.md).
 *
 * <p>Every hash is a pure function of the ledger, so several nodes may write the same documents: a block is only
 * ever replaced by a longer one (a conditional write), a duplicate node is the same bytes and is ignored, and the
 * stored size only grows. Blocks and nodes are written before the size, so a store that keeps a prefix of writes
 * after a crash never has a size without its hashes.
 */
public final class LogTree {

    public static final String NODES = "tlog_nodes";
    public static final String STATE = "tlog_state";
    private static final String TREE = "tree";
    /** Leaves per block: a block is 8 KB, and a subtree inside one costs at most 127 hashes to recompute. */
    static final int BLOCK = 256;
    private static final int BLOCK_LEVEL = 8;

    private final MongoCollection<Document> nodes;
    private final MongoCollection<Document> state;
    private MerkleFrontier frontier;
    /** The leaf hashes of the last block this node wrote, and its number. */
    private byte[] tail;
    private long tailBlock = -1;

    public LogTree(MongoDatabase database) {
        this.nodes = database.getCollection(NODES);
        this.state = database.getCollection(STATE);
        this.frontier = open(storedSize());
    }

    private MerkleFrontier open(long size) {
        return MerkleFrontier.of(size, (level, index) -> batched(subtrees -> subtrees.hash(level, index)));
    }

    /** Leaves in the tree: the ledger positions it covers. */
    public synchronized long size() {
        return frontier.size();
    }

    /** Picks up what other nodes appended since this one last looked. */
    public synchronized long refresh() {
        long stored = storedSize();
        if (stored > frontier.size()) {
            frontier = open(stored);
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
        long start = frontier.size();
        MerkleFrontier next = frontier.copy();
        List<Document> upper = new ArrayList<>();
        List<byte[]> leafHashes = new ArrayList<>(leafData.size());
        for (byte[] data : leafData) {
            next.append(data, (level, index, hash) -> {
                if (level == 0) {
                    leafHashes.add(hash);
                } else if (level >= BLOCK_LEVEL) {
                    upper.add(new Document("_id", id(level, index)).append("h", new Binary(hash)));
                }
            });
        }
        writeBlocks(start, leafHashes);
        if (!upper.isEmpty()) {
            try {
                nodes.insertMany(upper, new InsertManyOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                // Another node wrote some of the same subtrees: they hold the same hashes.
                if (e.getWriteErrors().stream().anyMatch(error ->
                        ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                    throw e;
                }
            }
        }
        state.updateOne(Filters.eq("_id", TREE), Updates.max("size", next.size()), new UpdateOptions().upsert(true));
        frontier = next;
    }

    /** Writes the blocks the new leaves fall in, each whole (the earlier leaves of a partial block read back). */
    private void writeBlocks(long start, List<byte[]> leafHashes) {
        long end = start + leafHashes.size();
        for (long block = start / BLOCK; block * BLOCK < end; block++) {
            long blockStart = block * BLOCK;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(BLOCK * MerkleHashes.SIZE);
            if (start > blockStart) {
                // The partial block this node last wrote is kept in memory; only a node that was behind reads it.
                byte[] earlier = tail != null && tailBlock == block && tail.length >= (start - blockStart)
                        * MerkleHashes.SIZE ? tail : blockLeaves(block);
                bytes.write(earlier, 0, (int) (start - blockStart) * MerkleHashes.SIZE);
            }
            for (long leaf = Math.max(start, blockStart); leaf < Math.min(end, blockStart + BLOCK); leaf++) {
                bytes.writeBytes(leafHashes.get((int) (leaf - start)));
            }
            int count = bytes.size() / MerkleHashes.SIZE;
            tail = bytes.toByteArray();
            tailBlock = block;
            try {
                // Only ever replaced by a longer block: a node that is behind cannot shorten what another wrote.
                nodes.replaceOne(Filters.and(Filters.eq("_id", blockId(block)), Filters.lt("n", count)),
                        new Document("_id", blockId(block)).append("n", count).append("h", new Binary(tail)),
                        new ReplaceOptions().upsert(true));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e; // a duplicate: the block is already at least this long
                }
            }
        }
    }

    private byte[] blockLeaves(long block) {
        Document document = nodes.find(Filters.eq("_id", blockId(block))).first();
        if (document == null) {
            throw new IllegalStateException("the tree has no block " + block);
        }
        return document.get("h", Binary.class).getData();
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

    /** The hash of one complete subtree (a leaf hash at level 0). */
    public byte[] hash(int level, long index) {
        return batched(subtrees -> subtrees.hash(level, index));
    }

    /** Forgets the whole tree: the first step of rebuilding it from the ledger. */
    public synchronized void clear() {
        state.deleteOne(Filters.eq("_id", TREE));
        nodes.deleteMany(new Document());
        frontier = new MerkleFrontier();
        tail = null;
        tailBlock = -1;
    }

    /**
     * Runs a computation twice: first to learn which documents it reads (answering with placeholders), then with
     * all of them fetched in one exact-key query. What a proof reads depends only on sizes and indexes, never on
     * hash values, so the first run asks for exactly what the second will.
     */
    private <T> T batched(Function<Subtrees, T> computation) {
        Set<String> wanted = new LinkedHashSet<>();
        byte[] placeholder = new byte[MerkleHashes.SIZE];
        computation.apply((level, index) -> {
            wanted.add(documentOf(level, index));
            return placeholder;
        });
        Map<String, byte[]> found = new HashMap<>();
        nodes.find(Filters.in("_id", wanted)).batchSize(Math.max(2, wanted.size()))
                .forEach(node -> found.put(node.getString("_id"), node.get("h", Binary.class).getData()));
        return computation.apply((level, index) -> {
            byte[] stored = found.get(documentOf(level, index));
            if (stored == null) {
                throw new IllegalStateException("the tree has no subtree " + id(level, index));
            }
            return level >= BLOCK_LEVEL ? stored : insideBlock(stored, level, index);
        });
    }

    /** A subtree of fewer than {@value #BLOCK} leaves, from its block's leaf hashes. */
    private static byte[] insideBlock(byte[] block, int level, long index) {
        int first = (int) ((index << level) % BLOCK);
        int count = 1 << level;
        if ((first + count) * MerkleHashes.SIZE > block.length) {
            throw new IllegalStateException("the tree's block ends before subtree " + id(level, index));
        }
        byte[][] row = new byte[count][];
        for (int i = 0; i < count; i++) {
            int offset = (first + i) * MerkleHashes.SIZE;
            row[i] = Arrays.copyOfRange(block, offset, offset + MerkleHashes.SIZE);
        }
        for (int width = count; width > 1; width /= 2) {
            for (int i = 0; i < width / 2; i++) {
                row[i] = MerkleHashes.node(row[2 * i], row[2 * i + 1]);
            }
        }
        return row[0];
    }

    private static String documentOf(int level, long index) {
        return level >= BLOCK_LEVEL ? id(level, index) : blockId((index << level) / BLOCK);
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

    private static String blockId(long block) {
        return "b:" + block;
    }
}
