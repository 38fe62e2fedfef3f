package org.festivalledger.judging;

import org.festivalledger.round.RoundOpened;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the judging remembers of one round: whether it is open, who judges which entry, and which scores
 * count. Never the marks: no rule looks at them, and they would only swell every snapshot.
 */
final class Round {

    private String roundId;
    private boolean open;
    private int jurorsPerEntry;
    // In the order the round was opened with: automatic assignment fills the entries in this order.
    private List<String> entries = new ArrayList<>();
    // The same entries for lookups: every score and assignment asks whether its entry is in the round, and a scan
    // of 10,000 ids per command was a twentieth of the scoring's CPU. Built on first use (a round read from a
    // snapshot has only the list), never serialised: the list is the state, and it does not change once opened.
    private transient Set<String> entryIndex;
    private Set<String> dropped = new HashSet<>();
    private Map<String, Set<String>> jurorsByEntry = new HashMap<>();
    // Juror → entry → how often that juror's score was revised; a voided score is gone from here.
    private Map<String, Map<String, Integer>> scoreRevisions = new HashMap<>();

    /** For Jackson, which reads the judging's snapshots. */
    Round() {
    }

    Round(RoundOpened opened) {
        roundId = opened.roundId();
        open = true;
        jurorsPerEntry = opened.jurorsPerEntry();
        entries.addAll(opened.entries());
    }

    String roundId() {
        return roundId;
    }

    boolean isOpen() {
        return open;
    }

    int jurorsPerEntry() {
        return jurorsPerEntry;
    }

    /** Whether the entry is judged in this round: it was in it when the round opened and has not been dropped. */
    boolean takesPart(String submissionId) {
        return includes(submissionId) && !dropped.contains(submissionId);
    }

    /** Whether the entry was in the round when it opened, dropped or not. */
    boolean includes(String submissionId) {
        // An immutable set refuses to look up null; a command that names no entry is refused as "not in the round".
        return submissionId != null && allEntries().contains(submissionId);
    }

    /** Every entry the round was opened with, dropped ones included. */
    Set<String> allEntries() {
        Set<String> index = entryIndex;
        if (index == null) {
            index = Set.copyOf(entries);
            entryIndex = index;
        }
        return index;
    }

    /** The entries still judged, in the round's order. */
    List<String> activeEntries() {
        return entries.stream().filter(entry -> !dropped.contains(entry)).toList();
    }

    Set<String> jurorsOf(String submissionId) {
        return jurorsByEntry.getOrDefault(submissionId, Set.of());
    }

    boolean isAssigned(String jurorId, String submissionId) {
        return jurorsOf(submissionId).contains(jurorId);
    }

    boolean hasScore(String jurorId, String submissionId) {
        return scoreRevisions.getOrDefault(jurorId, Map.of()).containsKey(submissionId);
    }

    /** How often the juror's counting score for the entry was revised; 0 for a score never revised. */
    int revisionsOf(String jurorId, String submissionId) {
        return scoreRevisions.getOrDefault(jurorId, Map.of()).getOrDefault(submissionId, 0);
    }

    void close() {
        open = false;
    }

    void drop(String submissionId) {
        dropped.add(submissionId);
    }

    void assign(String jurorId, String submissionId) {
        jurorsByEntry.computeIfAbsent(submissionId, entry -> new HashSet<>()).add(jurorId);
    }

    void unassign(String jurorId, String submissionId) {
        Set<String> jurors = jurorsByEntry.get(submissionId);
        if (jurors != null) {
            jurors.remove(jurorId);
        }
    }

    void scored(String jurorId, String submissionId, int revision) {
        scoreRevisions.computeIfAbsent(jurorId, juror -> new HashMap<>()).put(submissionId, revision);
    }

    void voidScore(String jurorId, String submissionId) {
        Map<String, Integer> scores = scoreRevisions.get(jurorId);
        if (scores != null) {
            scores.remove(submissionId);
        }
    }

    // Equal when the same events built them: Axon's test fixture compares the state a command left with the
    // state its events rebuild, and the rounds sit in a map, which it compares with equals.
    @Override
    public boolean equals(Object other) {
        return other instanceof Round round
                && open == round.open
                && jurorsPerEntry == round.jurorsPerEntry
                && Objects.equals(roundId, round.roundId)
                && entries.equals(round.entries)
                && dropped.equals(round.dropped)
                && jurorsByEntry.equals(round.jurorsByEntry)
                && scoreRevisions.equals(round.scoreRevisions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(roundId, open, jurorsPerEntry, entries, dropped, jurorsByEntry, scoreRevisions);
    }
}
