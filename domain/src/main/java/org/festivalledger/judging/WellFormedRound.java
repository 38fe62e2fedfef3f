package org.festivalledger.judging;

import org.festivalledger.round.OpenRound;
import org.festivalledger.rules.Bounds;
import org.festivalledger.rules.Problems;
import org.festivalledger.rules.TextKind;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a request to open a round must state before it is considered; kept apart so Judging reads as behaviour. */
final class WellFormedRound {

    private WellFormedRound() {
    }

    static Problems problemsOf(OpenRound command) {
        Problems problems = new Problems()
                .requireText(command.roundId(), "roundId")
                .requireText(command.name(), "name")
                .limitText(command.roundId(), "roundId", TextKind.LINE)
                .limitText(command.name(), "name", TextKind.LINE)
                .check(command.jurorsPerEntry() >= 1, "jurorsPerEntry", "must be at least 1")
                .check(command.jurorsPerEntry() <= Bounds.MAX_JURORS_PER_ENTRY, "jurorsPerEntry",
                        "must be at most " + Bounds.MAX_JURORS_PER_ENTRY);
        // An entry's standing is complete once it has this many scores, which its own jurors must be able to give.
        problems.check(command.minScoresPerEntry() >= 1, "minScoresPerEntry", "must be at least 1");
        if (command.minScoresPerEntry() >= 1 && command.jurorsPerEntry() >= 1) {
            problems.check(command.minScoresPerEntry() <= command.jurorsPerEntry(), "minScoresPerEntry",
                    "must not exceed jurorsPerEntry (" + command.jurorsPerEntry() + ")");
        }
        problems.requirePresent(command.aggregation(), "aggregation")
                // The API names the entry source "entries": ALL_ELIGIBLE or SHORTLIST_OF:<roundId>.
                .requirePresent(command.entrySource(), "entries");
        // A round judging an earlier round's shortlist takes its entries from the shortlist on record.
        if (command.entrySource() == null || command.entrySource().shortlistOf() == null) {
            checkEntries(command.entries(), problems);
        }
        return problems;
    }

    private static void checkEntries(List<String> entries, Problems problems) {
        if (entries == null || entries.isEmpty()) {
            problems.check(false, "entries", "must name at least one entry to judge");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            problems.requireText(entry, "entries[" + i + "]");
            if (!TextKind.isBlank(entry)) {
                problems.check(seen.add(entry), "entries[" + i + "]", "names the entry '" + entry + "' again");
            }
        }
    }
}
