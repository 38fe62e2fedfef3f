package org.festivalledger.audit;

import org.festivalledger.audit.EventPayloads.Payload;
import org.festivalledger.audit.EventPayloads.UnreadablePayload;
import org.festivalledger.audit.LedgerLines.UnreadableLines;
import org.festivalledger.audit.Verification.Kind;
import org.festivalledger.audit.Verification.Problem;
import org.festivalledger.award.AwardConferred;
import org.festivalledger.ledger.ChainVerifier;
import org.festivalledger.ledger.StoredEvent;
import org.festivalledger.shortlist.ShortlistDrawn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Re-checks a whole ledger, live or exported, with no server and no database: the hash chain of every event, and
 * that every shortlist and award follows from what was on the ledger at the position it rests on.
 *
 * <p>It reads the log twice, in position order. The first pass recomputes the chain ({@link ChainVerifier}) and
 * collects the decisions with the positions they rest on; the second replays only the competitions that have
 * decisions, through the live board's fold, and checks each decision when the replay reaches its position. So the
 * memory it needs is that of the judging state, never that of the log: a decision's position lies before the
 * decision, and one pass would have to keep every past state of a competition to look back at it.
 */
public final class LedgerVerifier {

    /** A ledger that can be read from its first position, in position order, as often as needed. */
    @FunctionalInterface
    public interface Log {
        /**
         * Opens the log from position 1; the caller closes the stream.
         *
         * @param unreadable told of any line that is not an event (a file can hold one, a store cannot)
         */
        Stream<StoredEvent> open(UnreadableLines unreadable) throws IOException;
    }

    /** A decision as pass 1 found it, to be checked when pass 2 reaches the position it rests on. */
    private record Decision(long position, Object event, String competitionId, long basedOnPosition) {
    }

    private static final String SHORTLIST_DRAWN = ShortlistDrawn.class.getName();
    private static final String AWARD_CONFERRED = AwardConferred.class.getName();

    private final EventPayloads payloads = new EventPayloads();
    private final List<Problem> problems = new ArrayList<>();
    private final List<Decision> decisions = new ArrayList<>();
    private final ChainVerifier chain = new ChainVerifier();
    private long lastPosition;

    private LedgerVerifier() {
    }

    /** Verifies a ledger that can be read twice. */
    public static Verification verify(Log log) throws IOException {
        LedgerVerifier verifier = new LedgerVerifier();
        verifier.chainAndDecisions(log);
        verifier.provenance(log);
        return verifier.outcome();
    }

    /** Verifies an export file ({@link LedgerLines}). */
    public static Verification verify(Path export) throws IOException {
        return verify(unreadable -> LedgerLines.read(export, unreadable));
    }

    /** Pass 1: the chain, and every decision with the position it rests on. */
    private void chainAndDecisions(Log log) throws IOException {
        try (Stream<StoredEvent> events = log.open((line, why) ->
                problems.add(new Problem(lastPosition + 1, Kind.UNREADABLE, "line " + line + ": " + why)))) {
            events.forEach(event -> {
                chain.accept(event);
                lastPosition = event.position();
                if (SHORTLIST_DRAWN.equals(event.payloadType()) || AWARD_CONFERRED.equals(event.payloadType())) {
                    collect(event);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        chain.problems().forEach(problem -> problems.add(new Problem(problem.position(),
                Kind.valueOf(problem.kind().name()), problem.message())));
    }

    private void collect(StoredEvent event) {
        Payload payload;
        try {
            payload = payloads.read(event).orElseThrow();
        } catch (UnreadablePayload e) {
            problems.add(new Problem(event.position(), Kind.UNREADABLE, e.getMessage()));
            return;
        }
        Kind kind = payload.event() instanceof ShortlistDrawn ? Kind.SHORTLIST : Kind.AWARD;
        long basedOn = payload.event() instanceof ShortlistDrawn drawn ? drawn.basedOnPosition()
                : ((AwardConferred) payload.event()).basedOnPosition();
        if (!payload.inItsStream()) {
            problems.add(new Problem(event.position(), kind, "a decision recorded outside the judging of "
                    + payload.competitionId() + " (in " + event.aggregateId() + ")"));
        } else if (basedOn < 1 || basedOn >= event.position()) {
            problems.add(new Problem(event.position(), kind, "a decision that rests on position " + basedOn
                    + ", which is not before it"));
        } else {
            decisions.add(new Decision(event.position(), payload.event(), payload.competitionId(), basedOn));
        }
    }

    /** Pass 2: replays the competitions with decisions and checks each decision at the position it rests on. */
    private void provenance(Log log) throws IOException {
        if (decisions.isEmpty()) {
            return;
        }
        Set<String> competitions = decisions.stream().map(Decision::competitionId).collect(Collectors.toSet());
        Map<String, CompetitionReplay> replays = new HashMap<>();
        competitions.forEach(id -> replays.put(id, new CompetitionReplay(id)));
        NavigableMap<Long, List<Decision>> due = new TreeMap<>();
        decisions.forEach(decision -> due.computeIfAbsent(decision.basedOnPosition(), p -> new ArrayList<>())
                .add(decision));
        try (Stream<StoredEvent> events = log.open((line, why) -> { })) {
            events.forEach(event -> {
                // Everything up to the position a decision rests on has been folded, and nothing after it.
                checkDue(due.headMap(event.position(), false), replays);
                if (payloads.mayConcern(event, competitions)) {
                    fold(event, competitions, replays);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        checkDue(due, replays);
    }

    private void fold(StoredEvent event, Set<String> competitions, Map<String, CompetitionReplay> replays) {
        Payload payload;
        try {
            payload = payloads.read(event).orElseThrow();
        } catch (UnreadablePayload e) {
            problems.add(new Problem(event.position(), Kind.UNREADABLE, e.getMessage()));
            return;
        }
        // Only the judging's own stream counts for its events, as when the decision was drawn.
        if (payload.inItsStream() && competitions.contains(payload.competitionId())) {
            replays.get(payload.competitionId()).apply(payload.event(), event.position());
        }
    }

    private void checkDue(NavigableMap<Long, List<Decision>> due, Map<String, CompetitionReplay> replays) {
        due.values().forEach(decisions -> decisions.forEach(decision -> {
            CompetitionReplay replay = replays.get(decision.competitionId());
            problems.addAll(decision.event() instanceof ShortlistDrawn drawn
                    ? ShortlistProvenance.check(decision.position(), drawn, replay)
                    : AwardProvenance.check(decision.position(), (AwardConferred) decision.event(), replay));
        }));
        due.clear();
    }

    private Verification outcome() {
        List<Problem> sorted = problems.stream().sorted(Comparator.comparingLong(Problem::position)).toList();
        int shortlists = (int) decisions.stream().filter(decision -> decision.event() instanceof ShortlistDrawn)
                .count();
        return new Verification(sorted.isEmpty(), chain.checked(), chain.headHash(), shortlists,
                decisions.size() - shortlists, sorted);
    }
}
