package org.festivalledger.submission;

import org.festivalledger.rules.Bounds;
import org.festivalledger.rules.Problems;
import org.festivalledger.rules.TextKind;

import java.util.List;

/**
 * What every entry must state, whatever competition it is sent to. Field names match the request body
 * ({@code title}, {@code team[1]}, {@code aiDisclosure.workflow}) so a client can point at the box to fix.
 */
public final class WellFormedEntry {

    private WellFormedEntry() {
    }

    /** Every problem with {@code entry}; none means it is complete enough to be judged. */
    public static Problems problemsOf(Entry entry) {
        Problems problems = new Problems();
        if (entry == null) {
            return problems.check(false, "entry", "is required");
        }
        problems.requireText(entry.title(), "title").limitText(entry.title(), "title", TextKind.LINE);
        checkTeam(entry.team(), problems);
        problems.requireText(entry.country(), "country").limitText(entry.country(), "country", TextKind.LINE)
                .limitText(entry.synopsis(), "synopsis", TextKind.PROSE);
        problems.check(entry.runtimeMinutes() > 0, "runtimeMinutes", "must be greater than zero");
        // The unit judges the use of AI, so an entry that does not say how AI was used cannot be judged fairly.
        AiDisclosure disclosure = entry.aiDisclosure();
        problems.requirePresent(disclosure, "aiDisclosure");
        if (disclosure != null) {
            problems.requirePresent(disclosure.workflow(), "aiDisclosure.workflow")
                    .limitCount(disclosure.tools(), "aiDisclosure.tools", Bounds.MAX_ITEMS)
                    .limitTexts(disclosure.tools(), "aiDisclosure.tools", TextKind.LINE);
        }
        return problems;
    }

    private static void checkTeam(List<String> team, Problems problems) {
        if (team == null || team.isEmpty()) {
            problems.check(false, "team", "must name at least one member");
            return;
        }
        problems.limitCount(team, "team", Bounds.MAX_ITEMS);
        for (int i = 0; i < team.size(); i++) {
            problems.requireText(team.get(i), "team[" + i + "]").limitText(team.get(i), "team[" + i + "]", TextKind.LINE);
        }
    }
}
