package org.festivalledger.judging;

import org.festivalledger.award.NotInContention;
import org.festivalledger.rules.Problems;
import org.festivalledger.rules.TextKind;
import org.festivalledger.shortlist.DrawShortlist;
import org.festivalledger.shortlist.NotEnoughScoredEntries;
import org.festivalledger.shortlist.OverrideAction;
import org.festivalledger.shortlist.OverrideNotApplicable;
import org.festivalledger.shortlist.RankedEntry;
import org.festivalledger.shortlist.RoundStillOpen;
import org.festivalledger.shortlist.ShortlistDrawn;
import org.festivalledger.shortlist.ShortlistOverride;
import org.festivalledger.shortlist.TieAtCutOff;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rules of drawing a shortlist from a closed round's standings, apart from the judging so they read as one
 * decision: take the first {@code size} rows, refuse a tie across the cut-off that no override resolves, apply
 * the overrides, and take off any entry that has left the competition since the round closed.
 * <p>
 * The one implementation of these rules: the {@link Judging} decides with it, and the auditor's verifier checks a
 * recorded shortlist by deciding again with it on the standings replayed to {@code basedOnPosition} and comparing.
 * <p>
 * What is recorded as {@code ranked} is exactly the first {@code size} rows of the standings, so an auditor who
 * replays the ledger to {@code basedOnPosition} and ranks the round again must find the same rows; everything
 * else in the decision is an override with its reason.
 */
public final class ShortlistDraft {

    private final DrawShortlist command;
    private final boolean roundClosed;
    private final Set<String> roundEntries;
    private final Map<String, String> leftContention;

    /**
     * @param command        the standings in it are the round's, ranked at {@code basedOnPosition}
     * @param roundClosed    whether the round was closed there
     * @param roundEntries   every entry the round judged (dropped ones included: they are in no standings)
     * @param leftContention entries withdrawn or ruled ineligible, with the reason recorded
     */
    public ShortlistDraft(DrawShortlist command, boolean roundClosed, Set<String> roundEntries,
                          Map<String, String> leftContention) {
        this.command = command;
        this.roundClosed = roundClosed;
        this.roundEntries = roundEntries;
        this.leftContention = leftContention;
    }

    /**
     * The decision these rules give.
     *
     * @throws org.festivalledger.rules.RuleViolation, {@link org.festivalledger.rules.InvalidInput} or
     *                                                 {@link RoundStillOpen} when the rules refuse it
     */
    public ShortlistDrawn decide(String competitionId) {
        if (!roundClosed) {
            throw new RoundStillOpen(command.roundId());
        }
        wellFormed();
        List<RankedEntry> standings = command.standings();
        int size = command.size();
        long scored = standings.stream().filter(row -> row.score() != null).count();
        if (scored < size) {
            throw new NotEnoughScoredEntries(command.roundId(), size, (int) scored);
        }
        List<RankedEntry> ranked = List.copyOf(standings.subList(0, size));
        BigDecimal cutOff = ranked.get(size - 1).score();
        Map<String, ShortlistOverride> overrides = new LinkedHashMap<>();
        command.overrides().forEach(override -> overrides.put(override.submissionId(), override));
        requireTieResolved(ranked, cutOff, overrides);
        Set<String> onTheList = new HashSet<>(ranked.stream().map(RankedEntry::submissionId).toList());
        overrides.values().forEach(override -> check(override, onTheList, cutOff));
        List<ShortlistOverride> applied = new ArrayList<>(overrides.values());
        // An entry withdrawn after its round closed keeps its place in the standings (they are what the jury
        // decided), but cannot go through: it is taken off, and the record says so.
        for (RankedEntry row : ranked) {
            String reason = leftContention.get(row.submissionId());
            if (reason != null && !overrides.containsKey(row.submissionId())) {
                applied.add(new ShortlistOverride(row.submissionId(), OverrideAction.EXCLUDE,
                        "left the competition after the round: " + reason));
            }
        }
        return new ShortlistDrawn(competitionId, command.roundId(), command.basedOnPosition(), size, ranked, cutOff,
                List.copyOf(applied), shortlist(standings, size, applied), command.rationale());
    }

    private void wellFormed() {
        Problems problems = new Problems()
                .check(command.size() >= 1, "size", "must be at least 1")
                .requireText(command.rationale(), "rationale")
                .limitText(command.rationale(), "rationale", TextKind.PROSE)
                .requirePresent(command.standings(), "standings")
                .requirePresent(command.overrides(), "overrides");
        Set<String> named = new HashSet<>();
        List<ShortlistOverride> overrides = command.overrides() == null ? List.of() : command.overrides();
        for (int i = 0; i < overrides.size(); i++) {
            ShortlistOverride override = overrides.get(i);
            String field = "overrides[" + i + "]";
            if (override == null) {
                problems.check(false, field, "is required");
                continue;
            }
            problems.requireText(override.submissionId(), field + ".submissionId")
                    .requirePresent(override.action(), field + ".action")
                    .check(override.reason() != null && !override.reason().isBlank(), field + ".reason",
                            "is required: the override " + override.action() + " " + override.submissionId()
                                    + " gives no reason")
                    .limitText(override.reason(), field + ".reason", TextKind.PROSE);
            if (override.submissionId() != null) {
                problems.check(named.add(override.submissionId()), field + ".submissionId",
                        "names " + override.submissionId() + " in a second override");
            }
        }
        problems.throwIfAny();
        command.standings().forEach(row -> {
            if (!roundEntries.contains(row.submissionId())) {
                throw new OverrideNotApplicable("The standings name " + row.submissionId()
                        + ", which round " + command.roundId() + " did not judge");
            }
        });
    }

    /**
     * Entries sharing the cut-off score on both sides of it must be decided on explicitly: every tied entry
     * below the cut-off named by an override (brought in, or confirmed out), or every tied one above excluded.
     */
    private void requireTieResolved(List<RankedEntry> ranked, BigDecimal cutOff, Map<String, ShortlistOverride> overrides) {
        List<RankedEntry> standings = command.standings();
        int size = ranked.size();
        if (standings.size() == size || !sameScore(standings.get(size).score(), cutOff)) {
            return;
        }
        List<String> above = ranked.stream().filter(row -> sameScore(row.score(), cutOff))
                .map(RankedEntry::submissionId).toList();
        List<String> below = standings.subList(size, standings.size()).stream()
                .takeWhile(row -> sameScore(row.score(), cutOff)).map(RankedEntry::submissionId).toList();
        boolean belowDecided = below.stream().allMatch(entry -> overrides.containsKey(entry)
                || leftContention.containsKey(entry));
        boolean aboveExcluded = above.stream().allMatch(entry -> overrides.containsKey(entry)
                && overrides.get(entry).action() == OverrideAction.EXCLUDE);
        if (!belowDecided && !aboveExcluded) {
            throw new TieAtCutOff(cutOff, above, below);
        }
    }

    private void check(ShortlistOverride override, Set<String> onTheList, BigDecimal cutOff) {
        String entry = override.submissionId();
        if (!roundEntries.contains(entry)) {
            throw new OverrideNotApplicable("Entry " + entry + " was not judged in round " + command.roundId());
        }
        boolean listed = onTheList.contains(entry);
        if (override.action() == OverrideAction.INCLUDE) {
            if (listed) {
                throw new OverrideNotApplicable("Entry " + entry + " is already on the shortlist: nothing to include");
            }
            if (leftContention.containsKey(entry)) {
                throw new NotInContention(entry, leftContention.get(entry));
            }
        } else if (!listed && !tiedBelow(entry, cutOff)) {
            throw new OverrideNotApplicable("Entry " + entry + " is not on the shortlist: nothing to exclude");
        }
    }

    private boolean tiedBelow(String entry, BigDecimal cutOff) {
        return command.standings().stream().anyMatch(row -> row.submissionId().equals(entry)
                && sameScore(row.score(), cutOff));
    }

    /** The entries going through, in the standings' order: the first {@code size} not excluded, and the included. */
    private static List<String> shortlist(List<RankedEntry> standings, int size, List<ShortlistOverride> overrides) {
        Map<String, OverrideAction> actions = new LinkedHashMap<>();
        overrides.forEach(override -> actions.put(override.submissionId(), override.action()));
        List<String> list = new ArrayList<>();
        for (int i = 0; i < standings.size(); i++) {
            String entry = standings.get(i).submissionId();
            OverrideAction action = actions.get(entry);
            if (action == OverrideAction.INCLUDE || (action == null && i < size)) {
                list.add(entry);
            }
        }
        return List.copyOf(list);
    }

    private static boolean sameScore(BigDecimal a, BigDecimal b) {
        return a != null && b != null ? a.compareTo(b) == 0 : Objects.equals(a, b);
    }
}
