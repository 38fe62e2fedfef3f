package org.festivalledger.results;

import org.festivalledger.award.AwardConferred;
import org.festivalledger.publication.ResultsPublished;
import org.festivalledger.standings.JudgingRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The embargo per decision: events in, when each decision became public out. */
class EmbargoTest {

    private static final String C = "aigc";
    private static final Instant CEREMONY = Instant.parse("2027-04-25T12:00:00Z");
    private static final Instant CLOSING = Instant.parse("2027-04-27T18:00:00Z");

    @Test
    void nothingIsPublicBeforeTheFirstPublication() {
        JudgingRecord record = new JudgingRecord(C);
        record.apply(award("a1"), 10);

        assertThat(Embargo.everPublished(record)).isFalse();
        assertThat(Embargo.publishedAt(record, 10)).isEmpty();
    }

    @Test
    void aDecisionIsPublicFromTheFirstPublicationAfterItAndADecisionAfterTheLastWaits() {
        JudgingRecord record = new JudgingRecord(C);
        record.apply(award("a1"), 10);
        record.apply(new ResultsPublished(C, CEREMONY), 11);
        record.apply(award("a2"), 12);

        assertThat(Embargo.everPublished(record)).isTrue();
        assertThat(Embargo.publishedAt(record, 10)).contains(CEREMONY);
        assertThat(Embargo.publishedAt(record, 12)).as("conferred after the publication").isEmpty();

        record.apply(new ResultsPublished(C, CLOSING), 13);
        assertThat(Embargo.publishedAt(record, 10)).as("still published at the first").contains(CEREMONY);
        assertThat(Embargo.publishedAt(record, 12)).contains(CLOSING);
    }

    @Test
    void aBoardSnapshotThatKnowsOnlyTheLatestPublicationStillPublishesWhatCameBeforeIt() throws Exception {
        // A snapshot saved before publications were listed: only the latest one is in it.
        JudgingRecord record = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules()
                .readValue("{\"competitionId\":\"" + C + "\",\"publication\":{\"publishedAt\":\"" + CEREMONY
                        + "\",\"recordedAt\":11}}", JudgingRecord.class);

        assertThat(Embargo.publishedAt(record, 10)).contains(CEREMONY);
        assertThat(Embargo.publishedAt(record, 12)).isEmpty();
    }

    private static AwardConferred award(String id) {
        return new AwardConferred(C, id, "best-film", "e1", "citation", 5);
    }
}
