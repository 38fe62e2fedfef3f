package org.festivalledger.standings;

import com.mongodb.client.MongoDatabase;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.festivalledger.judging.JudgingEvent;
import org.festivalledger.judging.JudgingId;
import org.festivalledger.jury.JurorAccessIssued;
import org.festivalledger.jury.JurorAppointed;
import org.festivalledger.submission.SubmissionReceived;
import org.festivalledger.view.BackgroundRestore;
import org.festivalledger.view.ViewSnapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The live judging board of every competition: a {@link JudgingRecord} per competition, in memory.
 *
 * <p>Every node keeps its own complete board: its processor follows the whole ledger with a token held
 * in memory, starting from the position of the last saved snapshot of the board (saved every few
 * seconds and at shutdown). So a restart replays only what came after the snapshot, a lost snapshot
 * means a longer replay and nothing worse, and several nodes never split the board between them.
 */
@Component
@ProcessingGroup(JudgingBoard.PROCESSING_GROUP)
public class JudgingBoard {

    public static final String PROCESSING_GROUP = "judging";
    private static final Logger log = LoggerFactory.getLogger(JudgingBoard.class);
    private static final String SNAPSHOT_PREFIX = "judging:";

    private final Map<String, JudgingRecord> records = new ConcurrentHashMap<>();
    private final Map<String, Long> saved = new ConcurrentHashMap<>();
    private final Map<String, String> jurorByTokenHash = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, String>> roundListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> resetListeners = new CopyOnWriteArrayList<>();
    private final List<JudgingFolded> judgingFoldListeners = new CopyOnWriteArrayList<>();
    private final List<RoundFold> roundFoldListeners = new CopyOnWriteArrayList<>();
    private final ViewSnapshots snapshots;
    /** The snapshots being read; resolves to the position the processor starts after. */
    private final BackgroundRestore<Long> restored;

    public JudgingBoard(MongoDatabase database) {
        this.snapshots = new ViewSnapshots(database);
        this.restored = BackgroundRestore.start("judging-board-restore", this::restoreFromSnapshots);
    }

    /**
     * Loads every competition's saved record; returns the position the processor must start after. Runs on its
     * own thread while the application starts (see {@link BackgroundRestore}), so it fills fields and takes no
     * record's lock that a waiting reader could hold.
     */
    private long restoreFromSnapshots() {
        long lowest = Long.MAX_VALUE;
        for (String name : snapshots.names(SNAPSHOT_PREFIX)) {
            Optional<ViewSnapshots.Snapshot<JudgingRecord>> snapshot = snapshots.load(name, JudgingRecord.class);
            if (snapshot.isEmpty()) {
                lowest = 0;
                continue;
            }
            JudgingRecord record = snapshot.get().view();
            records.put(record.competitionId(), record);
            saved.put(record.competitionId(), record.position());
            record.jurors().forEach(juror -> jurorByTokenHash.put(juror.tokenHash(),
                    record.competitionId() + "/" + juror.jurorId()));
            record.grantAppointmentAccessWhereUnknown();
            record.accesses().forEach((jurorId, access) -> indexCredentials(record.competitionId(), jurorId, access));
            lowest = Math.min(lowest, snapshot.get().position());
        }
        // Every competition's record must have seen every event after where the processor starts, so it
        // starts at the oldest snapshot; events a newer record already holds are skipped by position.
        long position = lowest == Long.MAX_VALUE ? 0 : lowest;
        if (position > 0) {
            log.info("Judging board restored from snapshots at position {}", position);
        }
        return position;
    }

    /** Where this node's processor starts following the ledger. */
    public long restoredPosition() {
        return restored.await();
    }

    /** Called with (competitionId, roundId) after a round's record changed. */
    public void onRoundChange(BiConsumer<String, String> listener) {
        roundListeners.add(listener);
    }

    /** Sees an event that changed a round of a record, while the record's lock is held. */
    @FunctionalInterface
    public interface RoundFold {
        void folded(JudgingRecord record, String roundId, Object event);
    }

    /**
     * Called with each event that changed a round, under the record's lock, before the round-change listeners: what
     * it notes is then in step with the record for any {@link #read}, which holds the same lock. It must be quick.
     */
    public void onRoundFold(RoundFold listener) {
        roundFoldListeners.add(listener);
    }

    /** Called when the board is reset for a rebuild from zero. */
    public void onReset(Runnable listener) {
        resetListeners.add(listener);
    }

    /** Told, in the processor's thread, that an event of a competition's judging stream was folded. */
    @FunctionalInterface
    public interface JudgingFolded {
        void folded(String competitionId, long sequence, long position);
    }

    /** Called after each event of a judging stream was folded, before the next event is (time travel's checkpoints). */
    public void onJudgingFolded(JudgingFolded listener) {
        judgingFoldListeners.add(listener);
    }

    @EventHandler
    void on(SubmissionReceived event, TrackingToken token) {
        apply(event.competitionId(), event, token);
    }

    /** Every event of a judging, through the one fold ({@link JudgingRecord#apply}). */
    @EventHandler
    void on(JudgingEvent event, TrackingToken token, EventMessage<?> message) {
        apply(event.competitionId(), event, token);
        // The whole message rather than @SequenceNumber, whose parameter would make the handler skip any message
        // that is not a domain event; only the judging stream's own events have a sequence time travel can use.
        if (message instanceof DomainEventMessage<?> domainEvent
                && JudgingId.of(event.competitionId()).equals(domainEvent.getAggregateIdentifier())) {
            long position = token.position().orElse(0);
            judgingFoldListeners.forEach(listener -> listener.folded(event.competitionId(),
                    domainEvent.getSequenceNumber(), position));
        }
        if (event instanceof JurorAppointed appointed) {
            jurorByTokenHash.put(appointed.tokenHash(), appointed.competitionId() + "/" + appointed.jurorId());
        } else if (event instanceof JurorAccessIssued issued) {
            indexCredentials(issued.competitionId(), issued.jurorId(),
                    read(issued.competitionId(), record -> record.access(issued.jurorId()).orElse(null)).orElse(null));
        }
    }

    /**
     * Hashes of superseded credentials may stay in the index: a credential is accepted only if it matches the
     * juror's current {@link JurorAccess}, which {@link #credential} returns with it.
     */
    private void indexCredentials(String competitionId, String jurorId, JurorAccess access) {
        if (access == null) {
            return;
        }
        if (access.tokenHash() != null) {
            jurorByTokenHash.put(access.tokenHash(), competitionId + "/" + jurorId);
        }
        if (access.linkHash() != null) {
            jurorByTokenHash.put(access.linkHash(), competitionId + "/" + jurorId);
        }
    }

    private void apply(String competitionId, Object event, TrackingToken token) {
        restored.await();
        long position = token.position().orElse(0);
        JudgingRecord record = records.computeIfAbsent(competitionId, JudgingRecord::new);
        Optional<String> changedRound;
        synchronized (record) {
            if (position != 0 && position <= record.position()) {
                return; // already in the snapshot this record was restored from
            }
            changedRound = record.apply(event, position);
            changedRound.ifPresent(round -> roundFoldListeners.forEach(listener -> listener.folded(record, round, event)));
        }
        changedRound.ifPresent(round -> roundListeners.forEach(listener -> listener.accept(competitionId, round)));
    }

    @ResetHandler
    void reset() {
        restored.await();
        records.clear();
        saved.clear();
        jurorByTokenHash.clear();
        snapshots.names(SNAPSHOT_PREFIX).forEach(snapshots::delete);
        resetListeners.forEach(Runnable::run);
    }

    /** Reads a competition's record consistently (the processor cannot change it meanwhile). */
    public <T> Optional<T> read(String competitionId, Function<JudgingRecord, T> reader) {
        restored.await();
        JudgingRecord record = records.get(competitionId);
        if (record == null) {
            return Optional.empty();
        }
        synchronized (record) {
            return Optional.ofNullable(reader.apply(record));
        }
    }

    /** The facts of every entry of a competition received so far (titles, receipt times), copied. */
    public EntryFacts entryFacts(String competitionId) {
        return read(competitionId, JudgingRecord::entryFactsCopy).orElseGet(() -> EntryFacts.of(Map.of()));
    }

    /** A juror's credential by its hash (token or link), with the juror's current access to check it against. */
    public record Credential(String competitionId, String jurorId, JurorAccess access) {
    }

    /** The juror a credential hash was issued to, with their access as this board knows it now. */
    public Optional<Credential> credential(String hash) {
        restored.await();
        String owner = jurorByTokenHash.get(hash);
        if (owner == null) {
            return Optional.empty();
        }
        String[] parts = owner.split("/", 2);
        return read(parts[0], record -> record.access(parts[1]).orElse(null))
                .map(access -> new Credential(parts[0], parts[1], access));
    }

    /** The juror holding a bearer token, by the token's hash: "competitionId/jurorId". */
    public Optional<String> jurorWithTokenHash(String tokenHash) {
        restored.await();
        return Optional.ofNullable(jurorByTokenHash.get(tokenHash));
    }

    /** Saves a snapshot of every record that changed since its last one. */
    @Scheduled(fixedDelayString = "${ledger.view-snapshot-interval:30s}")
    public void saveSnapshots() {
        restored.await();
        List<String> competitions = new ArrayList<>(records.keySet());
        for (String competitionId : competitions) {
            JudgingRecord record = records.get(competitionId);
            JudgingRecord copy;
            synchronized (record) {
                if (record.position() <= saved.getOrDefault(competitionId, 0L)) {
                    continue;
                }
                // Only a copy under the lock (the scorecards are shared): the JSON of a festival's round takes a
                // few hundred milliseconds, and the processor and the live standings would wait for it.
                copy = record.copy();
            }
            long position = copy.position();
            snapshots.save(SNAPSHOT_PREFIX + competitionId, position, ViewSnapshots.serialize(copy));
            saved.put(competitionId, position);
        }
    }

    @PreDestroy
    void saveOnShutdown() {
        try {
            saveSnapshots();
        } catch (RuntimeException e) {
            log.warn("Could not save the judging board at shutdown; it will be rebuilt from the ledger", e);
        }
    }
}
