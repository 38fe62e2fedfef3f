package org.festivalledger.judging;

import org.festivalledger.round.Assignment;
import org.festivalledger.round.NotEnoughJurors;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;

/**
 * The automatic draw of a round's jurors. It is deterministic, so an organiser can predict it and an auditor
 * can re-run it: the same judging always gives the same assignments, because every choice follows the round's
 * order of entries and the jury's order of appointment, never the order of a hash set.
 * <p>
 * Entries are filled in the round's order; each missing slot goes to the juror with the lowest load in the
 * round among those free to judge the entry (not conflicted, not already on it), and among equally loaded
 * jurors to the first after the juror picked last, so the work goes round the jury instead of falling on its
 * first members. Conflicts can force a busier juror onto an entry; the draw is then rebalanced (see
 * {@link #rebalance()}), so the loads end within one of each other whenever the conflicts allow it.
 */
final class AutomaticAssignment {

    private final Round round;
    private final Jury jury;
    private final List<String> jurors;
    private final Map<String, Integer> loads = new HashMap<>();
    private final Map<String, Set<String>> jurorsOnEntry = new HashMap<>();
    private final List<Assignment> drawn = new ArrayList<>();
    private int lastPicked = -1;

    private AutomaticAssignment(Round round, Jury jury) {
        this.round = round;
        this.jury = jury;
        this.jurors = jury.inOrderOfAppointment();
        jurors.forEach(juror -> loads.put(juror, 0));
        // A dropped entry is no longer judged, so its assignments are no work.
        for (String entry : round.activeEntries()) {
            jurorsOnEntry.put(entry, new HashSet<>(round.jurorsOf(entry)));
            round.jurorsOf(entry).forEach(juror -> loads.merge(juror, 1, Integer::sum));
        }
    }

    /**
     * Every assignment needed to give each entry of the round its jurors, in the order of the entries; none if
     * every entry has them already.
     *
     * @throws NotEnoughJurors if some entry cannot get enough jurors; then no assignment is made at all
     */
    static List<Assignment> fill(Round round, Jury jury) {
        AutomaticAssignment assignment = new AutomaticAssignment(round, jury);
        assignment.fillAllSlots();
        assignment.rebalance();
        return List.copyOf(assignment.drawn);
    }

    private void fillAllSlots() {
        for (String entry : round.activeEntries()) {
            while (jurorsOnEntry.get(entry).size() < round.jurorsPerEntry()) {
                String juror = nextFor(entry);
                jurorsOnEntry.get(entry).add(juror);
                loads.merge(juror, 1, Integer::sum);
                drawn.add(new Assignment(juror, entry));
            }
        }
    }

    private String nextFor(String entry) {
        int chosen = -1;
        for (int step = 1; step <= jurors.size(); step++) {
            int candidate = (lastPicked + step) % jurors.size();
            String juror = jurors.get(candidate);
            // Strictly lower only: among equal loads the first in rotation order keeps the slot.
            if (isFreeFor(juror, entry) && (chosen < 0 || loads.get(juror) < loads.get(jurors.get(chosen)))) {
                chosen = candidate;
            }
        }
        if (chosen < 0) {
            throw new NotEnoughJurors(entry, round.roundId(), round.jurorsPerEntry(), jurorsFreeOfConflictWith(entry));
        }
        lastPicked = chosen;
        return jurors.get(chosen);
    }

    /**
     * Hands work from the busiest jurors to the least busy along chains of drawn assignments: the busiest
     * juror gives one of their entries to a juror free to judge it, who may give another of theirs to a third,
     * and so on, until the chain reaches a juror with at least two entries fewer than the busiest. Everyone in
     * between keeps their load, so each chain narrows the spread and the rebalancing ends; it ends balanced
     * unless the conflicts leave no chain at all. Assignments already on record are never moved.
     */
    private void rebalance() {
        boolean handedOver;
        do {
            handedOver = false;
            // A stable sort: equally busy jurors are tried in order of appointment.
            List<String> busiestFirst = jurors.stream()
                    .sorted(Comparator.comparing((String juror) -> loads.get(juror)).reversed()).toList();
            int fewest = jurors.stream().mapToInt(loads::get).min().orElse(0);
            for (String busiest : busiestFirst) {
                // A chain ends only at a juror with two entries fewer: with none, the search would visit every
                // drawn assignment for nothing (seconds for a round of 10,000 entries), and so for every juror after.
                if (loads.get(busiest) < fewest + 2) {
                    break;
                }
                List<HandOver> chain = chainFrom(busiest);
                if (!chain.isEmpty()) {
                    chain.forEach(this::handOver);
                    loads.merge(busiest, -1, Integer::sum);
                    loads.merge(chain.get(chain.size() - 1).taker(), 1, Integer::sum);
                    handedOver = true;
                    break;
                }
            }
        } while (handedOver);
    }

    /** One link of a chain: the drawn assignment at {@code position} passes from its juror to {@code taker}. */
    private record HandOver(int position, String taker) {
    }

    /** The shortest chain from {@code busiest} to a juror with at least two entries fewer; empty if there is none. */
    private List<HandOver> chainFrom(String busiest) {
        Map<String, Integer> reachedThrough = new HashMap<>();
        Queue<String> toVisit = new ArrayDeque<>(List.of(busiest));
        while (!toVisit.isEmpty()) {
            String giver = toVisit.remove();
            for (int position = 0; position < drawn.size(); position++) {
                Assignment given = drawn.get(position);
                if (!given.jurorId().equals(giver)) {
                    continue;
                }
                for (String taker : jurors) {
                    if (taker.equals(busiest) || reachedThrough.containsKey(taker)
                            || !isFreeFor(taker, given.submissionId())) {
                        continue;
                    }
                    reachedThrough.put(taker, position);
                    if (loads.get(taker) <= loads.get(busiest) - 2) {
                        return chainEndingAt(taker, busiest, reachedThrough);
                    }
                    toVisit.add(taker);
                }
            }
        }
        return List.of();
    }

    private List<HandOver> chainEndingAt(String taker, String busiest, Map<String, Integer> reachedThrough) {
        LinkedList<HandOver> chain = new LinkedList<>();
        for (String receiver = taker; !receiver.equals(busiest); ) {
            int position = reachedThrough.get(receiver);
            chain.addFirst(new HandOver(position, receiver));
            receiver = drawn.get(position).jurorId();
        }
        return chain;
    }

    private void handOver(HandOver link) {
        Assignment given = drawn.get(link.position());
        Set<String> onEntry = jurorsOnEntry.get(given.submissionId());
        onEntry.remove(given.jurorId());
        onEntry.add(link.taker());
        drawn.set(link.position(), new Assignment(link.taker(), given.submissionId()));
    }

    private boolean isFreeFor(String juror, String entry) {
        return !jurorsOnEntry.get(entry).contains(juror) && !jury.isConflicted(juror, entry);
    }

    private int jurorsFreeOfConflictWith(String entry) {
        return (int) jurors.stream().filter(juror -> !jury.isConflicted(juror, entry)).count();
    }
}
