package org.festivalledger.audit;

import org.festivalledger.competition.AwardCategory;
import org.festivalledger.competition.CompetitionAnnounced;
import org.festivalledger.judging.JudgingEstablished;
import org.festivalledger.standings.JudgingRecord;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One competition replayed from the ledger up to some position: its judging folded by the live board's own
 * {@link JudgingRecord} (entries' titles and receipt times included, for the tie-break), and the award categories
 * announced. Its size is the judging's, whatever the length of the log.
 */
final class CompetitionReplay {

    final JudgingRecord record;
    final Set<String> categories = new LinkedHashSet<>();

    CompetitionReplay(String competitionId) {
        this.record = new JudgingRecord(competitionId);
    }

    void apply(Object event, long position) {
        if (event instanceof CompetitionAnnounced announced) {
            addCategories(announced.awardCategories());
        } else if (event instanceof JudgingEstablished established) {
            addCategories(established.awardCategories());
        }
        record.apply(event, position);
    }

    /** Whether the award category was announced (with the competition, or with its judging). */
    boolean announced(String categoryId) {
        return categories.contains(categoryId);
    }

    private void addCategories(List<AwardCategory> announced) {
        // Judgings recorded before categories were part of their event carry none (ADR 0004).
        if (announced != null) {
            announced.forEach(category -> categories.add(category.id()));
        }
    }
}
