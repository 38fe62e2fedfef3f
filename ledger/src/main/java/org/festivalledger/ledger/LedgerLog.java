package org.festivalledger.ledger;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.BsonMaximumSizeExceededException;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The ledger itself: one total, gap-free order of events in MongoDB, hash-chained at append time.
 *
 * <p>Every commit is one document whose {@code _id} is its first position (see {@link CommitDocument}).
 * A writer inserts its commit at the position after the tail it knows; the unique {@code _id} lets
 * exactly one writer win a position, and a loser reads the commits it missed and tries again. Because a
 * commit at position {@code p + n} can only be written by someone who has read the commit at {@code p},
 * positions are dense and become visible in order, so a reader that asks for "the next position" never
 * skips an event that commits late. Every read on a hot path is an exact-key lookup ({@code _id} or the
 * unique {@code keys} index, batched with {@code $in}), which both the embedded server and a real MongoDB
 * answer from an index, so costs do not grow with the log.
 */
public class LedgerLog {

    /** A hook called just before a commit is inserted; tests use it to inject delays into the append path. */
    @FunctionalInterface
    public interface AppendProbe {
        void beforeInsert(long position);
    }

    public static final String COMMITS = "ledger_commits";
    private static final Logger log = LoggerFactory.getLogger(LedgerLog.class);
    private static final int BATCH = 256;
    /** Commits per range read while catching up: bounds a reader's memory, amortises the range query. */
    public static final int DEFAULT_CHUNK = 16_384;
    /** Exact lookups that hit in a row before a reader counts as behind and catches up in bulk. */
    private static final int CATCH_UP_AFTER = 32;
    /** Consecutive ids per exact-key batch while catching up: the embedded server's cheapest size per commit. */
    private static final int KEY_BATCH = 32;
    /** How many times dearer than keys a range read must be for later readers to start with keys (keysCheaperFrom). */
    private static final int DECISIVELY = 2;
    /** Range reads between two measurements of exact keys while range reads are the cheaper. */
    private static final int RECHECK_KEYS_AFTER = 8;
    /** Heap bytes per commit of a range read: about 2,000 commits on a 256 MB heap, the full chunk from 2 GB. */
    private static final long HEAP_PER_RANGE_COMMIT = 128 * 1024;
    /**
     * Commits of this node remembered for the readers that follow the head, which ask for each within milliseconds:
     * half a second of a festival's busiest load, so that under load they seldom outlive a young collection.
     */
    private static final int RECENT_COMMITS = 256;

    /** The events of the commits one read fetched, and how many commits that was (for the read's cost). */
    private record Fetched(List<StoredEvent> events, int commits) {
    }

    private final MongoCollection<Document> commits;
    private final GroupCommit groupCommit;
    /**
     * Whether every append to this store goes through this object: the embedded store on a port no other node was
     * given, which only its own process writes. Then what this node has not appended does not exist, and some store
     * reads can be answered from memory.
     */
    private final boolean soleWriter;
    /** Sole writer only: uniqueness keys looked up and known to be absent (see {@link #hasUniqueKey}). */
    private final AbsentKeys absentKeys = new AbsentKeys();
    /**
     * The lowest position from which a reader found range reads dearer than exact keys. The embedded server answers a
     * range read by scanning from the first commit, so past that position they only get dearer: later readers start
     * with exact keys there at once, instead of each paying a scan of the log to find it out again (the transparency
     * log's reader, opened every two seconds, did so each time: up to 8 % of the scoring's CPU). A real MongoDB
     * answers range reads from its index, and its readers seldom or never set this.
     */
    private final AtomicLong keysCheaperFrom = new AtomicLong(Long.MAX_VALUE);
    private final Clock clock;
    private volatile AppendProbe probe = position -> { };
    private LedgerHead head;
    /**
     * The furthest head this node has seen: by its own appends, by {@link #head()}, and by every reader that
     * followed the log (the tracking processors). Readers of it never take the append lock nor read the store.
     */
    private final AtomicReference<LedgerHead> known = new AtomicReference<>();
    /**
     * The last position of the log as this node last read it from the store or appended to it (-1 before either):
     * unlike {@link #known}, never a position a reader merely passed, so on a sole writer nothing lies beyond it.
     */
    private volatile long storedHead = -1;
    /** This node's last appends, which the readers following the head take instead of reading them back. */
    private final RecentCommits recent = new RecentCommits(RECENT_COMMITS);

    /** A ledger whose every append is durable when it returns (majority, journaled). */
    public LedgerLog(MongoDatabase database, Clock clock) {
        this(database, clock, null);
    }

    /**
     * A ledger on a store that commits in groups ({@code groupCommit} not null): an append is applied without
     * waiting for the file, so the append lock (and the aggregate's lock above it) is held only for the insert;
     * {@link #awaitDurable()} then waits for the commit that covers it, shared with every append made meanwhile.
     * The file always holds a prefix of the appends, so a later append is never durable without an earlier one.
     */
    public LedgerLog(MongoDatabase database, Clock clock, GroupCommit groupCommit) {
        this(database, clock, groupCommit, false);
    }

    /**
     * {@code soleWriter}: no other process or object appends to this store (the embedded store of this process, on a
     * port no other node was given). A reader at this node's head then ends without asking the store for the next
     * commit, a uniqueness key found absent is remembered until an append carries it, and {@link #isSoleWriter()} lets
     * the aggregate cache trust itself.
     * Never set it for a store that several nodes share: their appends would go unseen.
     */
    public LedgerLog(MongoDatabase database, Clock clock, GroupCommit groupCommit, boolean soleWriter) {
        this.groupCommit = groupCommit;
        this.soleWriter = soleWriter;
        this.commits = database.getCollection(COMMITS).withWriteConcern(groupCommit == null
                ? WriteConcern.MAJORITY.withJournal(true)
                // j:false tells the embedded store that this writer waits for the group commit itself.
                : WriteConcern.W1.withJournal(false));
        this.clock = clock;
        commits.createIndex(Indexes.ascending(CommitDocument.KEYS), new IndexOptions().unique(true).name("keys"));
    }

    /**
     * Returns once every append this node made so far is durable: call it before acknowledging a command.
     * Without group commit every append already was, and this returns at once.
     */
    public void awaitDurable() {
        if (groupCommit != null) {
            groupCommit.awaitDurable();
        }
    }

    public void setProbe(AppendProbe probe) {
        this.probe = probe == null ? position -> { } : probe;
    }

    /**
     * Appends the events of one unit of work as one commit: all are stored or none.
     *
     * @param uniqueKeys keys that no other commit may carry (idempotency keys of retried requests)
     * @return the stored events, with their positions and hashes
     * @throws StreamConflict if another commit already holds one of the aggregate sequence numbers or keys
     */
    public synchronized List<StoredEvent> append(List<PendingEvent> events, List<String> uniqueKeys) {
        if (events.isEmpty()) {
            return List.of();
        }
        if (head == null) {
            established(findHead());
        }
        while (true) {
            // recordedAt never goes backwards, so "as of an instant" has one answer even with skewed clocks.
            Instant now = clock.instant();
            Instant recordedAt = now.isAfter(head.recordedAt()) ? now : head.recordedAt();
            List<StoredEvent> stored = new ArrayList<>(events.size());
            long position = head.nextPosition();
            String previousHash = head.hash();
            for (PendingEvent event : events) {
                StoredEvent storedEvent = event.at(position++, recordedAt, previousHash);
                stored.add(storedEvent);
                previousHash = storedEvent.hash();
            }
            probe.beforeInsert(head.nextPosition());
            try {
                try {
                    insert(CommitDocument.toDocument(stored, uniqueKeys), stored.size());
                } finally {
                    absentKeys.appended(uniqueKeys); // stored or refused, a key of it may now be in the store
                }
                recent.appended(stored);
                StoredEvent last = stored.get(stored.size() - 1);
                established(new LedgerHead(last.position(), last.hash(), recordedAt));
                return stored;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                if (commitStartingAt(head.nextPosition()) != null) {
                    // Another writer took the position first: catch up with what it wrote and try again.
                    established(readForward(head));
                } else {
                    throw conflictFor(events, uniqueKeys, e);
                }
            }
        }
    }

    /**
     * Appends many commits in one round trip, for bulk loads (restoring a log, filling a benchmark). It
     * needs the log to itself: if another writer appends meanwhile, nothing of this call is kept beyond
     * the commits already inserted before the clash, and it fails.
     *
     * @return the number of events appended
     */
    public synchronized long appendAll(List<List<PendingEvent>> commitsToAppend) {
        if (commitsToAppend.isEmpty()) {
            return 0;
        }
        established(head == null ? findHead() : readForward(head));
        Instant now = clock.instant();
        Instant recordedAt = now.isAfter(head.recordedAt()) ? now : head.recordedAt();
        List<Document> documents = new ArrayList<>(commitsToAppend.size());
        long position = head.nextPosition();
        String previousHash = head.hash();
        long events = 0;
        for (List<PendingEvent> commit : commitsToAppend) {
            List<StoredEvent> stored = new ArrayList<>(commit.size());
            for (PendingEvent event : commit) {
                StoredEvent storedEvent = event.at(position++, recordedAt, previousHash);
                stored.add(storedEvent);
                previousHash = storedEvent.hash();
            }
            documents.add(CommitDocument.toDocument(stored, List.of()));
            events += stored.size();
        }
        try {
            commits.insertMany(documents);
        } finally {
            established(readForward(head));
        }
        awaitDurable(); // bulk loads (restores, benchmarks) have no one else to wait for the commit
        return events;
    }

    private void insert(Document commit, int events) {
        try {
            commits.insertOne(commit);
        } catch (BsonMaximumSizeExceededException e) {
            // The driver measures the document before sending it, so nothing reached the store.
            throw new CommitTooLarge(events, e);
        }
    }

    private StreamConflict conflictFor(List<PendingEvent> events, List<String> uniqueKeys, MongoWriteException e) {
        for (PendingEvent event : events) {
            if (event.isDomainEvent()
                    && commits.find(Filters.eq(CommitDocument.KEYS,
                    CommitDocument.streamKey(event.aggregateId(), event.sequence()))).first() != null) {
                return StreamConflict.onSequence(event.aggregateId(), event.sequence());
            }
        }
        for (String key : uniqueKeys) {
            if (commits.find(Filters.eq(CommitDocument.KEYS, CommitDocument.uniqueKey(key))).first() != null) {
                return StreamConflict.onUniqueKey(key);
            }
        }
        throw e;
    }

    /** The end of the log as stored now (reads whatever other writers appended since the last look). */
    public synchronized LedgerHead head() {
        established(head == null ? findHead() : readForward(head));
        return head;
    }

    /** The end of the log as just read from the store, or as this node's append just made it (under the append lock). */
    private void established(LedgerHead stored) {
        head = stored;
        storedHead = stored.position();
        saw(stored);
    }

    /**
     * The furthest end of the log this node has seen, without a lock or a store read: what a read path
     * (a public page in a ceremony's crowd) shows. It follows this node's appends and its tracking readers,
     * so it lags the stored head only by what another node appended and no reader here has read yet.
     * The first call on a node that has seen nothing reads the head once.
     */
    public LedgerHead knownHead() {
        LedgerHead seen = known.get();
        return seen != null ? seen : head();
    }

    /**
     * The end of the log as stored now, read without the append lock: from the known head forward by exact keys
     * (one lookup when nothing was appended elsewhere). For answers that must name the stored head on any node
     * (the digest to publish) without queueing behind appends.
     */
    public LedgerHead currentHead() {
        LedgerHead from = knownHead();
        if (commitStartingAt(from.nextPosition()) == null) {
            return from;
        }
        LedgerHead now = readForward(from);
        saw(now);
        return now;
    }

    private void saw(LedgerHead candidate) {
        known.accumulateAndGet(candidate, (current, next) ->
                current == null || next.position() > current.position() ? next : current);
    }

    private void saw(StoredEvent event) {
        LedgerHead current = known.get();
        if (current == null || event.position() > current.position()) {
            saw(new LedgerHead(event.position(), event.hash(), event.recordedAt()));
        }
    }

    /**
     * Finds the end of the log with O(log n) exact-key probes: positions are dense, so "does position x
     * exist" is monotone and a galloping search finds the last one without any range query or sort.
     */
    private LedgerHead findHead() {
        if (!positionExists(1)) {
            return LedgerHead.EMPTY;
        }
        long low = 1;
        long high = 2;
        while (positionExists(high)) {
            low = high;
            high *= 2;
        }
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (positionExists(middle)) {
                low = middle;
            } else {
                high = middle;
            }
        }
        Document commit = commitContaining(low);
        LedgerHead found = new LedgerHead(CommitDocument.last(commit), CommitDocument.hash(commit),
                CommitDocument.recordedAt(commit));
        log.info("Ledger opened at position {} (head hash {})", found.position(), found.hash());
        return readForward(found);
    }

    private LedgerHead readForward(LedgerHead from) {
        LedgerHead current = from;
        while (true) {
            List<Document> batch = commitsStartingFrom(current.nextPosition());
            if (batch.isEmpty()) {
                return current;
            }
            Document last = batch.get(batch.size() - 1);
            current = new LedgerHead(CommitDocument.last(last), CommitDocument.hash(last),
                    CommitDocument.recordedAt(last));
        }
    }

    private boolean positionExists(long position) {
        return commitContaining(position) != null;
    }

    private Document commitStartingAt(long position) {
        return commits.find(Filters.eq(CommitDocument.ID, position)).first();
    }

    /** The commit that holds {@code position}, or {@code null} if the log is not that long (yet). */
    Document commitContaining(long position) {
        Document commit = commitStartingAt(position);
        return commit != null ? commit
                : commits.find(Filters.eq(CommitDocument.KEYS, CommitDocument.positionKey(position))).first();
    }

    /**
     * The contiguous run of commits that starts exactly at {@code position}, fetched with one batched
     * exact-key query of {@code batch} consecutive ids; empty if no commit starts there yet.
     */
    private List<Document> commitsStartingFrom(long position, int batch) {
        List<Long> ids = LongStream.range(position, position + batch).boxed().toList();
        List<Document> found = new ArrayList<>();
        commits.find(Filters.in(CommitDocument.ID, ids)).batchSize(batch).into(found);
        found.sort(Comparator.comparingLong(CommitDocument::first));
        List<Document> run = new ArrayList<>(found.size());
        long expected = position;
        for (Document commit : found) {
            if (CommitDocument.first(commit) != expected) {
                break;
            }
            run.add(commit);
            expected = CommitDocument.last(commit) + 1;
        }
        return run;
    }

    private List<Document> commitsStartingFrom(long position) {
        return commitsStartingFrom(position, BATCH);
    }

    /**
     * All events from {@code position} (inclusive) to the end of the log as it is while the stream is read.
     * Lazy, and bounded in memory by {@code chunk} commits (fewer on a small heap, see below).
     *
     * <p>A reader near the end of the log (a tracking processor following new events) asks for the next
     * commit by its exact {@code _id}, which costs the same however long the log is. A reader far behind
     * (a replay, an export) catches up in one of two ways, whichever costs less per commit:
     * <ul>
     *   <li>range reads of {@code chunk} commits, which both stores answer in {@code _id} order without
     *       sorting; every commit is checked to start exactly where the previous one ended, and a range read
     *       that ever disagrees is abandoned, so the order a reader sees never depends on how a store happens
     *       to return documents;</li>
     *   <li>batches of {@value #KEY_BATCH} consecutive {@code _id}s by exact key.</li>
     * </ul>
     * The embedded server answers a range read by scanning from the first commit and holds the whole chunk
     * in memory before replying, so a range read gets dearer the further in the log it starts, and much
     * dearer once the page cache no longer holds the log; exact keys cost the same anywhere. The reader
     * times both and stays with exact keys once range reads cost more (they only get dearer as it
     * advances). A range read is also capped at one commit per {@value #HEAP_PER_RANGE_COMMIT} bytes of
     * heap: several processors catching up at once each hold a chunk (measured in docs/benchmarks.md).
     */
    public Stream<StoredEvent> readFrom(long position, int chunk) {
        int rangeChunk = (int) Math.max(KEY_BATCH,
                Math.min(chunk, Runtime.getRuntime().maxMemory() / HEAP_PER_RANGE_COMMIT));
        Iterator<StoredEvent> events = new Iterator<>() {
            private long next = Math.max(1, position);
            private Iterator<StoredEvent> buffer = firstCommitTail();
            private int exactHitsInARow;
            private boolean rangeReadsTrusted = true;
            // Nanoseconds per commit of the last range read and of the best batch by exact keys (0: not yet).
            private double rangeCost;
            private double keyCost;
            private int rangeReadsSinceKeys;
            private boolean keysOnly = position >= keysCheaperFrom.get();

            private Iterator<StoredEvent> firstCommitTail() {
                List<StoredEvent> mine = recent.startingAt(next);
                if (mine != null) {
                    next = mine.get(mine.size() - 1).position() + 1;
                    saw(mine.get(mine.size() - 1));
                    return mine.iterator();
                }
                if (pastTheHead(next)) {
                    return List.<StoredEvent>of().iterator();
                }
                Document containing = commitContaining(next);
                if (containing == null) {
                    return List.<StoredEvent>of().iterator();
                }
                // The position may be in the middle of a commit: start with that commit's tail.
                List<StoredEvent> tail = CommitDocument.events(containing).stream()
                        .filter(e -> e.position() >= next).toList();
                next = CommitDocument.last(containing) + 1;
                if (!tail.isEmpty()) {
                    saw(tail.get(tail.size() - 1));
                }
                return tail.iterator();
            }

            @Override
            public boolean hasNext() {
                if (buffer.hasNext()) {
                    return true;
                }
                List<StoredEvent> fetched = exactHitsInARow >= CATCH_UP_AFTER ? catchUp(next) : exactAt(next);
                if (fetched.isEmpty()) {
                    return false;
                }
                StoredEvent last = fetched.get(fetched.size() - 1);
                next = last.position() + 1;
                saw(last);
                buffer = fetched.iterator();
                return true;
            }

            private List<StoredEvent> exactAt(long wanted) {
                List<StoredEvent> mine = recent.startingAt(wanted);
                if (mine != null) {
                    return mine; // not counted as a lookup: no batch read is cheaper than this
                }
                if (pastTheHead(wanted)) {
                    exactHitsInARow = 0;
                    return List.of();
                }
                Document commit = commitStartingAt(wanted);
                if (commit == null) {
                    exactHitsInARow = 0;
                    return List.of();
                }
                exactHitsInARow++;
                return CommitDocument.events(commit);
            }

            private List<StoredEvent> catchUp(long wanted) {
                // Keys first: one batch says what a commit costs by keys, so the first range read can be judged at
                // once (a reader that catches up in one range read, as the transparency log's every two seconds,
                // would otherwise never compare them).
                boolean measureKeys = keyCost == 0 || rangeReadsSinceKeys >= RECHECK_KEYS_AFTER;
                boolean range = !keysOnly && rangeReadsTrusted && !measureKeys;
                long started = System.nanoTime();
                Fetched fetched = range ? rangeFrom(wanted) : keysFrom(wanted);
                double cost = (System.nanoTime() - started) / (double) Math.max(1, fetched.commits());
                if (range) {
                    // A range read that reached the head with a few commits paid its round trip for those few:
                    // not a fair price per commit, so only one of a batch's size or more is compared.
                    if (fetched.commits() >= KEY_BATCH) {
                        rangeCost = cost;
                    }
                    rangeReadsSinceKeys++;
                } else {
                    // The best batch counts: one can be slowed by a pause elsewhere, and keys cost the same anywhere.
                    keyCost = keyCost == 0 ? cost : Math.min(keyCost, cost);
                    rangeReadsSinceKeys = 0;
                }
                if (!keysOnly && rangeCost != 0 && keyCost != 0 && rangeCost > keyCost) {
                    keysOnly = true; // range reads only get dearer as the reader advances
                    if (rangeCost > DECISIVELY * keyCost) {
                        // Told to every later reader: only when it cannot be one range read slowed by a pause.
                        rangeReadsDearerFrom(wanted);
                    }
                    log.debug("Reader at position {} catches up by exact keys: {} µs per commit, range reads {} µs",
                            wanted, Math.round(keyCost / 1000), Math.round(rangeCost / 1000));
                }
                return fetched.events();
            }

            private Fetched rangeFrom(long wanted) {
                List<StoredEvent> fetched = new ArrayList<>();
                int commitsRead = 0;
                long expected = wanted;
                try (MongoCursor<Document> cursor = commits.find(Filters.gte(CommitDocument.ID, wanted))
                        .limit(rangeChunk).batchSize(Math.min(rangeChunk, 1000)).iterator()) {
                    while (cursor.hasNext()) {
                        Document commit = cursor.next();
                        if (CommitDocument.first(commit) != expected) {
                            rangeReadsTrusted = false;
                            break;
                        }
                        // Decoded as it arrives: the reader never holds a chunk twice (documents and events).
                        fetched.addAll(CommitDocument.events(commit));
                        commitsRead++;
                        expected = CommitDocument.last(commit) + 1;
                    }
                }
                if (commitsRead < rangeChunk) {
                    exactHitsInARow = 0; // caught up: follow the head with exact lookups again
                }
                return fetched.isEmpty() ? new Fetched(exactAt(wanted), 1) : new Fetched(fetched, commitsRead);
            }

            private Fetched keysFrom(long wanted) {
                List<Document> run = commitsStartingFrom(wanted, KEY_BATCH);
                List<StoredEvent> fetched = new ArrayList<>();
                long expected = wanted;
                for (Document commit : run) {
                    fetched.addAll(CommitDocument.events(commit));
                    expected = CommitDocument.last(commit) + 1;
                }
                if (expected < wanted + KEY_BATCH) {
                    exactHitsInARow = 0; // no commit starts at the next position yet: caught up
                }
                return new Fetched(fetched, run.size());
            }

            @Override
            public StoredEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return buffer.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(events,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** {@link #readFrom(long, int)} with chunks of {@value #DEFAULT_CHUNK} commits. */
    public Stream<StoredEvent> readFrom(long position) {
        return readFrom(position, DEFAULT_CHUNK);
    }

    /** The events of one aggregate from {@code firstSequence} on, found by exact keys, in sequence order. */
    public Stream<StoredEvent> readStream(String aggregateId, long firstSequence) {
        Iterator<StoredEvent> events = new Iterator<>() {
            private long nextSequence = firstSequence;
            private Iterator<StoredEvent> buffer = List.<StoredEvent>of().iterator();
            private boolean exhausted;
            // Most streams are short: ask for a few keys first and more only while every key is found.
            private int batch = 8;

            @Override
            public boolean hasNext() {
                if (buffer.hasNext()) {
                    return true;
                }
                if (exhausted) {
                    return false;
                }
                List<String> keys = LongStream.range(nextSequence, nextSequence + batch)
                        .mapToObj(sequence -> CommitDocument.streamKey(aggregateId, sequence)).toList();
                List<StoredEvent> fetched = new ArrayList<>();
                // A commit holding several of the keys may come back once per key: keep each commit once.
                Map<Long, Document> found = new TreeMap<>();
                commits.find(Filters.in(CommitDocument.KEYS, keys))
                        .forEach(commit -> found.putIfAbsent(CommitDocument.first(commit), commit));
                found.values().forEach(commit -> CommitDocument.events(commit).stream()
                                .filter(e -> aggregateId.equals(e.aggregateId()) && e.isDomainEvent()
                                        && e.sequence() >= nextSequence)
                                .forEach(fetched::add));
                fetched.sort(Comparator.comparingLong(StoredEvent::sequence));
                List<StoredEvent> contiguous = new ArrayList<>(fetched.size());
                for (StoredEvent event : fetched) {
                    if (event.sequence() != nextSequence) {
                        break;
                    }
                    contiguous.add(event);
                    nextSequence++;
                }
                exhausted = contiguous.isEmpty() || fetched.size() < batch;
                batch = Math.min(BATCH, batch * 8);
                buffer = contiguous.iterator();
                return buffer.hasNext();
            }

            @Override
            public StoredEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return buffer.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(events,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** The highest sequence number of an aggregate, by galloping exact-key probes. */
    /** Whether the aggregate has an event with this sequence number: one exact-key lookup. */
    public boolean hasSequence(String aggregateId, long sequence) {
        return sequenceExists(aggregateId, sequence);
    }

    public Optional<Long> lastSequence(String aggregateId) {
        if (!sequenceExists(aggregateId, 0)) {
            return Optional.empty();
        }
        long low = 0;
        long high = 1;
        while (sequenceExists(aggregateId, high)) {
            low = high;
            high *= 2;
        }
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (sequenceExists(aggregateId, middle)) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return Optional.of(low);
    }

    private boolean sequenceExists(String aggregateId, long sequence) {
        return commits.find(keyIs(CommitDocument.streamKey(aggregateId, sequence))).first() != null;
    }

    /**
     * Whether a commit recorded this uniqueness key: one exact lookup on the unique index. A sole writer remembers the
     * keys it found absent until one of its appends carries them ({@link AbsentKeys}), and answers those from memory.
     */
    public boolean hasUniqueKey(String key) {
        if (soleWriter && absentKeys.knownAbsent(key)) {
            return false;
        }
        long keyedAppends = absentKeys.keyedAppends();
        boolean found = commits.find(keyIs(CommitDocument.uniqueKey(key))).projection(new Document(CommitDocument.ID, 1))
                .first() != null;
        if (!found && soleWriter) {
            absentKeys.lookedUpAbsent(key, keyedAppends);
        }
        return found;
    }

    /** A reader found range reads dearer than exact keys at {@code position}: later readers start there with keys. */
    void rangeReadsDearerFrom(long position) {
        keysCheaperFrom.accumulateAndGet(position, Math::min);
    }

    /** Whether every append to the store goes through this ledger (see the constructor). */
    public boolean isSoleWriter() {
        return soleWriter;
    }

    /**
     * Sole writer only: whether {@code position} is past the end of the log as this node last read it from the store
     * or appended to it, and so cannot be in the store yet. Until the end has been read once (a ledger opened on an
     * existing log) nothing is assumed. An append establishes its commit's position before it returns, so a commit
     * this says is missing had not been acknowledged when asked; readers that follow the head are told of it
     * afterwards, as of any new commit.
     */
    private boolean pastTheHead(long position) {
        long end = storedHead;
        return soleWriter && end >= 0 && position > end;
    }

    /** The events of the commit that recorded a uniqueness key, if any. */
    public List<StoredEvent> commitWithUniqueKey(String key) {
        Document commit = commits.find(keyIs(CommitDocument.uniqueKey(key))).first();
        return commit == null ? List.of() : CommitDocument.events(commit);
    }

    /**
     * The last position recorded at or before {@code instant} (0 if none). {@code recordedAt} never
     * decreases along the log, so a binary search over positions answers with exact-key probes only.
     */
    public long positionAt(Instant instant) {
        long low = 0;
        long high = head().position();
        while (low < high) {
            long middle = low + (high - low + 1) / 2;
            Document commit = commitContaining(middle);
            if (!CommitDocument.recordedAt(commit).isAfter(instant)) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    private static Bson keyIs(String key) {
        return Filters.eq(CommitDocument.KEYS, key);
    }
}
