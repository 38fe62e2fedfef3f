package org.festivalledger.standings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Live standings, served from memory. A change to a round marks its standings stale and queues one
 * recomputation on a single background thread; changes arriving meanwhile are coalesced into the next
 * one, so a burst of scores costs a few recomputations, not one each. Readers never wait for a
 * recomputation unless they ask for a position not yet reflected ({@code minPosition}).
 */
@Component
public class StandingsService {

    private static final Logger log = LoggerFactory.getLogger(StandingsService.class);

    private final JudgingBoard board;
    private final Map<String, Standings> computed = new ConcurrentHashMap<>();
    private final Set<String> stale = ConcurrentHashMap.newKeySet();
    /** Each round's incremental ranking; used by the standings thread only. */
    private final Map<String, StandingsCalculator.Incremental> rankings = new ConcurrentHashMap<>();
    /** Which scorecards changed since each round's last copy: the standings thread copies only those. */
    private final ScorecardJournal journal = new ScorecardJournal();
    private final List<Consumer<Standings>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService recomputer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "standings");
        thread.setDaemon(true);
        return thread;
    });

    public StandingsService(JudgingBoard board) {
        this.board = board;
        board.onRoundFold(journal::folded);
        board.onRoundChange(this::changed);
        board.onReset(() -> {
            computed.clear();
            journal.clear();
            recomputer.execute(rankings::clear); // on the thread that owns them
        });
    }

    /** Called with every recomputed standings (the live stream subscribes here). */
    public void onUpdate(Consumer<Standings> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Standings> listener) {
        listeners.remove(listener);
    }

    /** How many listeners (live standings streams) are subscribed now: an operations metric. */
    public int subscribers() {
        return listeners.size();
    }

    private void changed(String competitionId, String roundId) {
        String key = key(competitionId, roundId);
        if (stale.add(key)) {
            recomputer.execute(() -> {
                stale.remove(key);
                try {
                    computeLive(key, competitionId, roundId).ifPresent(standings -> {
                        computed.put(key, standings);
                        listeners.forEach(listener -> listener.accept(standings));
                    });
                } catch (RuntimeException e) {
                    // The ranking may hold half a change: the next recomputation starts from the whole round.
                    rankings.remove(key);
                    journal.forget(competitionId, roundId);
                    log.error("Could not compute the standings of {}", key, e);
                }
            });
        }
    }

    /**
     * The latest standings of a round, waiting (at most {@code maxWait}) for them to reflect
     * {@code minPosition} when the round has changed since.
     */
    public Optional<Standings> current(String competitionId, String roundId, long minPosition, Duration maxWait) {
        String key = key(competitionId, roundId);
        long deadline = System.nanoTime() + maxWait.toNanos();
        Standings standings = computed.get(key);
        while ((standings == null || standings.ledgerPosition() < minPosition && roundMovedPast(standings))
                && System.nanoTime() < deadline) {
            if (standings == null && !stale.contains(key)) {
                Optional<Standings> fresh = compute(competitionId, roundId);
                fresh.ifPresent(value -> computed.putIfAbsent(key, value));
                return fresh;
            }
            sleep();
            standings = computed.get(key);
        }
        return Optional.ofNullable(standings);
    }

    private boolean roundMovedPast(Standings standings) {
        return board.read(standings.competitionId(), record -> record.round(standings.roundId()).orElse(null))
                .map(round -> round.position() > standings.ledgerPosition() || stale.contains(
                        key(standings.competitionId(), standings.roundId())))
                .orElse(false);
    }

    /**
     * On the standings thread only: what changed in the round since its last copy (the whole round when more than
     * scores changed) copied from the board, ranked by the round's kept incremental ranking, so a score costs what
     * it changed rather than the whole round.
     */
    private Optional<Standings> computeLive(String key, String competitionId, String roundId) {
        StandingsCalculator.Incremental ranking = rankings.computeIfAbsent(key, k -> new StandingsCalculator.Incremental());
        return board.read(competitionId, record -> LiveRoundCopy.take(record, roundId, journal, ranking).orElse(null))
                .map(copy -> copy.standings(ranking));
    }

    /** Computes standings from the board now (a consistent copy is taken under the board's lock, then ranked). */
    public Optional<Standings> compute(String competitionId, String roundId) {
        return board.read(competitionId, record -> RoundStandings.of(record, roundId, record.entryFacts()).orElse(null))
                .map(RoundStandings::standings);
    }

    private static String key(String competitionId, String roundId) {
        return competitionId + "/" + roundId;
    }

    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
