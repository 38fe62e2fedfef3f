package org.festivalledger.standings;

import com.mongodb.client.MongoDatabase;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.festivalledger.award.AwardConferred;
import org.festivalledger.award.AwardRevoked;
import org.festivalledger.judging.EntryLeftContention;
import org.festivalledger.publication.ResultsPublished;
import org.festivalledger.shortlist.ShortlistDrawn;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.festivalledger.jury.ConflictDeclared;
import org.festivalledger.jury.JurorAccessIssued;
import org.festivalledger.jury.JurorAccessRevoked;
import org.festivalledger.jury.JurorAppointed;
import org.festivalledger.round.AssignmentRemoved;
import org.festivalledger.round.EntryDropped;
import org.festivalledger.round.JurorsAssigned;
import org.festivalledger.round.RoundClosed;
import org.festivalledger.round.RoundOpened;
import org.festivalledger.scoring.ScoreRecorded;
import org.festivalledger.scoring.ScoreRevised;
import org.festivalledger.scoring.ScoreVoided;
import org.festivalledger.submission.SubmissionReceived;
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
    private final ViewSnapshots snapshots;
    private final long restoredPosition;

    public JudgingBoard(MongoDatabase database) {
        this.snapshots = new ViewSnapshots(database);
        long lowest = Long.MAX_VALUE;
        for (String name : snapshots.names(SNAPSHOT_PREFIX)) {
            Optional<ViewSnapshots.Snapshot<JudgingRecord>> snapshot = snapshots.load(name, JudgingRecord.class);
            if (snapshot.isEmpty()) {
                lowest = 0;
                continue;
            }
            JudgingRecord record = snapshot.get().view();
            records.put(record.competitionId, record);
            saved.put(record.competitionId, record.position);
            record.jurors.values().forEach(juror -> jurorByTokenHash.put(juror.tokenHash(),
                    record.competitionId + "/" + juror.jurorId()));
            // A snapshot saved before access was versioned lists jurors but not their access: their token stands.
            record.jurors.values().forEach(juror -> record.access.putIfAbsent(juror.jurorId(),
                    JurorAccess.appointed(juror.tokenHash())));
            record.access.forEach((jurorId, access) -> indexCredentials(record.competitionId, jurorId, access));
            lowest = Math.min(lowest, snapshot.get().position());
        }
        // Every competition's record must have seen every event after where the processor starts, so it
        // starts at the oldest snapshot; events a newer record already holds are skipped by position.
        this.restoredPosition = lowest == Long.MAX_VALUE ? 0 : lowest;
        if (restoredPosition > 0) {
            log.info("Judging board restored from snapshots at position {}", restoredPosition);
        }
    }

    /** Where this node's processor starts following the ledger. */
    public long restoredPosition() {
        return restoredPosition;
    }

    /** Called with (competitionId, roundId) after a round's record changed. */
    public void onRoundChange(BiConsumer<String, String> listener) {
        roundListeners.add(listener);
    }

    /** Called when the board is reset for a rebuild from zero. */
    public void onReset(Runnable listener) {
        resetListeners.add(listener);
    }

    @EventHandler
    void on(SubmissionReceived event, TrackingToken token) {
        apply(event.competitionId(), event, token);
    }

    @EventHandler
    void on(JurorAppointed event, TrackingToken token) {
        apply(event.competitionId(), event, token);
        jurorByTokenHash.put(event.tokenHash(), event.competitionId() + "/" + event.jurorId());
    }

    @EventHandler
    void on(JurorAccessIssued event, TrackingToken token) {
        apply(event.competitionId(), event, token);
        indexCredentials(event.competitionId(), event.jurorId(), read(event.competitionId(),
                record -> record.access.get(event.jurorId())).orElse(null));
    }

    @EventHandler
    void on(JurorAccessRevoked event, TrackingToken token) {
        apply(event.competitionId(), event, token);
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

    @EventHandler
    void on(ConflictDeclared event, TrackingToken token) {
        apply(event.competitionId(), event, token);
    }

    @EventHandler
    void on(RoundOpened event, TrackingToken token) {
        apply(event.competitionId(), event, token);
    }

    @EventHandler
    void on(JurorsAssigned event, TrackingToken token) {
        apply(event.competitionId(), event, token);
    }

    @EventHandler
    void on(AssignmentRemoved event, TrackingToken token) {
        apply(event.competitionId(), event, token);
    }

    @EventHandler
    void on(RoundClosed event, TrackingToken token) {
        apply(event.competitionId(), event, token);
    }

    @EventHandler
    void on(EntryDropped event, TrackingToken token) {
        apply(event.competitionId(), event, token);
    }

    @EventHandler
    void on(ScoreRecorded event, TrackingToken token) {
        apply(event.competitionId(), event, token);
    }

    @EventHandler
    void on(ScoreRevised event, TrackingToken token) {
        apply(event.competitionId(), event, token);
    }

    @EventHandler
    void on(ScoreVoided event, TrackingToken token) {
        apply(event.competitionId(), event, token);
    }

    @EventHandler
    void on(EntryLeftContention event, TrackingToken token) {
        apply(event.competitionId(), event, token);
    }

    @EventHandler
    void on(ShortlistDrawn event, TrackingToken token) {
        apply(event.competitionId(), event, token);
    }

    @EventHandler
    void on(AwardConferred event, TrackingToken token) {
        apply(event.competitionId(), event, token);
    }

    @EventHandler
    void on(AwardRevoked event, TrackingToken token) {
        apply(event.competitionId(), event, token);
    }

    @EventHandler
    void on(ResultsPublished event, TrackingToken token) {
        apply(event.competitionId(), event, token);
    }

    private void apply(String competitionId, Object event, TrackingToken token) {
        long position = token.position().orElse(0);
        JudgingRecord record = records.computeIfAbsent(competitionId, JudgingRecord::new);
        Optional<String> changedRound;
        synchronized (record) {
            if (position != 0 && position <= record.position) {
                return; // already in the snapshot this record was restored from
            }
            changedRound = record.apply(event, position);
        }
        changedRound.ifPresent(round -> roundListeners.forEach(listener -> listener.accept(competitionId, round)));
    }

    @ResetHandler
    void reset() {
        records.clear();
        saved.clear();
        jurorByTokenHash.clear();
        snapshots.names(SNAPSHOT_PREFIX).forEach(snapshots::delete);
        resetListeners.forEach(Runnable::run);
    }

    /** Reads a competition's record consistently (the processor cannot change it meanwhile). */
    public <T> Optional<T> read(String competitionId, Function<JudgingRecord, T> reader) {
        JudgingRecord record = records.get(competitionId);
        if (record == null) {
            return Optional.empty();
        }
        synchronized (record) {
            return Optional.ofNullable(reader.apply(record));
        }
    }

    /** A juror's credential by its hash (token or link), with the juror's current access to check it against. */
    public record Credential(String competitionId, String jurorId, JurorAccess access) {
    }

    /** The juror a credential hash was issued to, with their access as this board knows it now. */
    public Optional<Credential> credential(String hash) {
        String owner = jurorByTokenHash.get(hash);
        if (owner == null) {
            return Optional.empty();
        }
        String[] parts = owner.split("/", 2);
        return read(parts[0], record -> record.access.get(parts[1]))
                .map(access -> new Credential(parts[0], parts[1], access));
    }

    /** The juror holding a bearer token, by the token's hash: "competitionId/jurorId". */
    public Optional<String> jurorWithTokenHash(String tokenHash) {
        return Optional.ofNullable(jurorByTokenHash.get(tokenHash));
    }

    /** Saves a snapshot of every record that changed since its last one. */
    @Scheduled(fixedDelayString = "${ledger.view-snapshot-interval:30s}")
    public void saveSnapshots() {
        List<String> competitions = new ArrayList<>(records.keySet());
        for (String competitionId : competitions) {
            JudgingRecord record = records.get(competitionId);
            byte[] serialized;
            long position;
            synchronized (record) {
                position = record.position;
                if (position <= saved.getOrDefault(competitionId, 0L)) {
                    continue;
                }
                serialized = ViewSnapshots.serialize(record);
            }
            snapshots.save(SNAPSHOT_PREFIX + competitionId, position, serialized);
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
