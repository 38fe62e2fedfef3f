package org.festivalledger.standings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where time travel's replays start: the newest checkpoint at or below the position ({@link JudgingCheckpoints}).
 *
 * <p>Reading a checkpoint means parsing the whole judging's state: about half a second for 150,000 scorecards
 * once the JIT has compiled the parser, several seconds before it has, which is the state of things right after a
 * start. So a state once read is kept and every replay that starts there folds on from a copy of it (the copy
 * shares the immutable scorecards and costs tens of milliseconds); and when the application is ready, the newest
 * checkpoints of the competitions judged most recently are read in the background, so the first replay after a
 * start near the head finds its start read. The states this node's board hands to the checkpoint writer are kept
 * too, from the moment they are handed over. A few states are kept, the least recently used dropped. A kept state
 * never goes stale: it is the fold of an immutable stream up to its sequence.
 */
@Component
public class ReplayStarts {

    /** A replay's start: a record of its own folded up to {@code sequence} (-1: before the stream's first event). */
    public record Start(JudgingRecord record, long sequence, Long nextCheckpoint) {
    }

    private record Kept(String competitionId, JudgingCheckpoints.Mark mark) {
    }

    private static final Logger log = LoggerFactory.getLogger(ReplayStarts.class);
    private static final int KEPT = 2;

    private final JudgingCheckpoints checkpoints;
    private final Map<Kept, Object> readers = new ConcurrentHashMap<>();
    private final AtomicBoolean warmed = new AtomicBoolean();
    /** The sequence of the newest state {@link #keep} kept, by competition; guarded by {@link #kept}. */
    private final Map<String, Long> newestKept = new HashMap<>();
    // Access-ordered, so the least recently used state is the one dropped.
    private final Map<Kept, JudgingRecord> kept = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Kept, JudgingRecord> eldest) {
            return size() > KEPT;
        }
    };

    public ReplayStarts(JudgingCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    /** Events of a judging stream between two checkpoints; 0 when there are none. */
    public int every() {
        return checkpoints.every();
    }

    /**
     * Where a replay to {@code position} starts: a copy of the newest checkpoint at or below it, or an empty record
     * when there is none, with the sequence of the next checkpoint after the position if there is one; nothing when
     * the checkpoint cannot be read (the replay must then fold the whole stream).
     */
    public Optional<Start> startFor(String competitionId, long position) {
        List<JudgingCheckpoints.Mark> marks;
        try {
            marks = checkpoints.marks(competitionId);
        } catch (RuntimeException unreadable) {
            log.warn("Time travel checkpoints of {} unlisted; folding the whole stream", competitionId, unreadable);
            return Optional.empty();
        }
        JudgingCheckpoints.Mark newest = null;
        Long next = null;
        for (JudgingCheckpoints.Mark mark : marks) {
            if (mark.position() > position) {
                next = mark.sequence();
                break;
            }
            newest = mark;
        }
        Optional<Start> handedOver = newerKept(competitionId, newest, position, next);
        if (handedOver.isPresent()) {
            return handedOver;
        }
        if (newest == null) {
            return Optional.of(new Start(new JudgingRecord(competitionId), -1, next));
        }
        long sequence = newest.sequence();
        Long until = next;
        return state(competitionId, newest).map(state -> new Start(state.copy(), sequence, until));
    }

    /**
     * A kept state of this node's board newer than the newest listed checkpoint at or below the position: one handed
     * to the checkpoint writer and not yet listed (a first catch-up reaches the head a few checkpoints ahead of the
     * writer).
     */
    private Optional<Start> newerKept(String competitionId, JudgingCheckpoints.Mark listed, long position, Long next) {
        synchronized (kept) {
            Map.Entry<Kept, JudgingRecord> newer = null;
            for (Map.Entry<Kept, JudgingRecord> state : kept.entrySet()) {
                JudgingCheckpoints.Mark mark = state.getKey().mark();
                if (state.getKey().competitionId().equals(competitionId) && mark.position() <= position
                        && (listed == null || mark.sequence() > listed.sequence())
                        && (newer == null || mark.sequence() > newer.getKey().mark().sequence())) {
                    newer = state;
                }
            }
            return newer == null ? Optional.empty()
                    : Optional.of(new Start(newer.getValue().copy(), newer.getKey().mark().sequence(), next));
        }
    }

    /**
     * Keeps a state the board hands to the checkpoint writer, so that a replay starting there does not read it
     * back: after a first start that folded the whole log, or during the festival, the newest checkpoint is then in
     * memory before anyone asks for it, even before it is stored. The state must never change again (the writer's
     * own copy). One older than the newest kept for its competition (a rebuild from zero folding again) is not
     * kept, so that it cannot push the newest out.
     */
    void keep(String competitionId, JudgingCheckpoints.Mark mark, JudgingRecord state) {
        synchronized (kept) {
            if (newestKept.merge(competitionId, mark.sequence(), Math::max) == mark.sequence()) {
                kept.put(new Kept(competitionId, mark), state);
            }
        }
    }

    /** Reads the newest checkpoints in the background when the application is ready. */
    @EventListener(ContextRefreshedEvent.class)
    void readNewestInBackground() {
        if (!warmed.compareAndSet(false, true)) {
            return;
        }
        Thread reader = new Thread(() -> {
            try {
                readNewest();
            } catch (RuntimeException e) {
                // the first replay reads the checkpoint itself
            }
        }, "time-travel-checkpoints");
        reader.setDaemon(true);
        reader.start();
    }

    /** Reads the newest checkpoint of the competitions judged most recently, as many as are kept. */
    void readNewest() {
        Map<String, JudgingCheckpoints.Mark> newest = new LinkedHashMap<>();
        for (String competitionId : checkpoints.competitions()) {
            List<JudgingCheckpoints.Mark> marks = checkpoints.marks(competitionId);
            if (!marks.isEmpty()) {
                newest.put(competitionId, marks.get(marks.size() - 1));
            }
        }
        newest.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, JudgingCheckpoints.Mark> e) -> e.getValue()
                        .position()).reversed())
                .limit(KEPT).forEach(e -> state(e.getKey(), e.getValue()));
    }

    /**
     * The state at a checkpoint, read once: a replay wanting one being read waits for it rather than reading it too
     * (one lock per checkpoint ever read: a few per competition and start).
     */
    private Optional<JudgingRecord> state(String competitionId, JudgingCheckpoints.Mark mark) {
        Kept key = new Kept(competitionId, mark);
        synchronized (readers.computeIfAbsent(key, id -> new Object())) {
            synchronized (kept) {
                JudgingRecord state = kept.get(key);
                if (state != null) {
                    return Optional.of(state);
                }
            }
            Optional<JudgingRecord> read = checkpoints.load(competitionId, mark);
            read.ifPresent(state -> {
                synchronized (kept) {
                    kept.put(key, state);
                }
            });
            return read;
        }
    }
}
