package org.festivalledger.award;

import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.OrganiserSession;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.StoredEvent;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.ORGANISER;

/**
 * The organiser's award form goes through the same use case as the JSON API ({@link AwardDecisions}), so it
 * applies the same rules: an entry that left the competition cannot be awarded, whichever front end asks.
 */
class AwardPageTest extends LedgerTestApplication {

    @Test
    void anAwardToAWithdrawnEntryIsRefusedOnThePageAsInTheApi() {
        Judging judging = Judging.judgedAndClosed(api, "award-page", new int[]{9, 8, 7});
        String entry = judging.entries.get(0);
        String competition = "/api/competitions/" + judging.competition;
        long withdrawn = api.post(competition + "/submissions/" + entry + "/withdrawal").as(ORGANISER)
                .json(Map.of("reason", "signed with a distributor")).send().ledgerPosition();

        OrganiserSession organiser = OrganiserSession.signIn(port);
        String page = "/organiser/competitions/" + judging.competition;
        HttpResponse<String> refused = organiser.submit(page, page + "/awards", Map.of("categoryId", "best-film",
                "submissionId", entry, "citation", "For a film that dreams"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("not in contention").contains("For a film that dreams");
        try (var since = ledger.readFrom(withdrawn, LedgerLog.DEFAULT_CHUNK)) {
            assertThat(since.map(StoredEvent::payloadType)).as("no award recorded")
                    .noneMatch(type -> type.endsWith("AwardConferred"));
        }
        assertThat(api.get(competition + "/awards").as(ORGANISER).send().json()).isEmpty();
    }
}
