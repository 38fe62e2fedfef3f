package org.festivalledger.standings;

import org.festivalledger.competition.Criterion;
import org.festivalledger.round.AggregationMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live board's incremental ranking is the calculator's ranking: on random streams of scores, revisions and
 * voided scores (with ties on purpose: few distinct marks, equal receipt times), the rows after every change are
 * exactly those {@link StandingsCalculator#rank} gives from all the scores at that point, for every aggregation.
 */
class IncrementalStandingsPropertyTest {

    private static final int STREAMS = 12;
    private static final int CHANGES = 250;

    @ParameterizedTest
    @EnumSource(AggregationMethod.class)
    void incrementalAndFullRecomputationGiveTheSameRowsAfterEveryChange(AggregationMethod aggregation) {
        for (int stream = 0; stream < STREAMS; stream++) {
            Random random = new Random(31L * stream + aggregation.ordinal());
            RoundRules rules = new RoundRules(criteria(random), aggregation, 1 + random.nextInt(5));
            List<EntryInfo> entries = new ArrayList<>();
            int entryCount = 3 + random.nextInt(30);
            for (int e = 0; e < entryCount; e++) {
                // Receipt times collide now and then, so the tie-break reaches the submission id.
                entries.add(new EntryInfo("e" + e, "Film " + e, Instant.ofEpochSecond(random.nextInt(entryCount))));
            }
            int jurors = 1 + random.nextInt(9);
            Map<String, JurorScore> counting = new LinkedHashMap<>();
            StandingsCalculator.Incremental incremental = new StandingsCalculator.Incremental();
            for (int change = 0; change < CHANGES; change++) {
                String juror = "j" + random.nextInt(jurors);
                // Now and then a score for an entry the round does not list (dropped): ignored by both.
                String entry = random.nextInt(20) == 0 ? "dropped" : "e" + random.nextInt(entryCount);
                String key = juror + "/" + entry;
                if (counting.containsKey(key) && random.nextInt(5) == 0) {
                    counting.remove(key); // voided by a declared conflict
                } else {
                    counting.put(key, new JurorScore(juror, entry, marks(rules, random)));
                }
                List<JurorScore> scores = new ArrayList<>(counting.values());
                List<StandingRow> full = StandingsCalculator.rank(rules, entries, scores);
                assertThat(incremental.rank(rules, entries, scores))
                        .as("%s, stream %d, change %d", aggregation, stream, change)
                        .isEqualTo(full);
                assertThat(incremental.completeEntries()).as("complete entries, change %d", change)
                        .isEqualTo(full.stream().filter(StandingRow::complete).count());
            }
        }
    }

    private static List<Criterion> criteria(Random random) {
        List<Criterion> criteria = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int c = 0; c < count; c++) {
            criteria.add(new Criterion("c" + c, "Criterion " + c, BigDecimal.valueOf(1 + random.nextInt(4), 1),
                    BigDecimal.ZERO, BigDecimal.TEN));
        }
        return criteria;
    }

    private static Map<String, BigDecimal> marks(RoundRules rules, Random random) {
        Map<String, BigDecimal> marks = new LinkedHashMap<>();
        for (Criterion criterion : rules.criteria()) {
            // Few distinct marks (halves from 0 to 10), so equal scores are common.
            marks.put(criterion.id(), BigDecimal.valueOf(random.nextInt(21) * 5L, 1));
        }
        return marks;
    }
}
