package org.festivalledger.award;

import com.fasterxml.jackson.databind.JsonNode;
import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.OrganiserSession;
import org.festivalledger.http.FormOnce;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.ORGANISER;

/**
 * An award revoked from the competition's overview goes through {@link AwardDecisions} as the API's does: a
 * revocation needs its reason (refused next to the field, nothing recorded), and with one it is recorded and shown.
 */
class AwardRevocationPageTest extends LedgerTestApplication {

    @Test
    void anAwardIsRevokedFromTheOverviewOnlyWithAReason() {
        Judging judging = Judging.judgedAndClosed(api, "revoke-page", new int[]{9, 8});
        String competition = "/api/competitions/" + judging.competition;
        String awardId = api.post(competition + "/awards").as(ORGANISER).json(Map.of("categoryId", "best-film",
                "submissionId", judging.entries.get(0), "citation", "A dream")).send().json().get("id").asText();
        OrganiserSession organiser = OrganiserSession.signIn(port);
        String page = "/organiser/competitions/" + judging.competition;
        api.get(competition + "/awards?minPosition=" + ledger.head().position()).as(ORGANISER).send();
        long before = ledger.head().position();

        HttpResponse<String> reasonless = organiser.submit(page, page + "/awards/" + awardId + "/revocation",
                Map.of("reason", "  ", FormOnce.FIELD, UUID.randomUUID().toString()));

        assertThat(reasonless.statusCode()).isEqualTo(400);
        assertThat(reasonless.body()).contains("id=\"revoke-reason-" + awardId + "-problem\"")
                .contains("aria-invalid=\"true\"");
        assertThat(ledger.head().position()).as("nothing recorded").isEqualTo(before);

        HttpResponse<String> revoked = organiser.submit(page, page + "/awards/" + awardId + "/revocation",
                Map.of("reason", "the film was found to be plagiarised", FormOnce.FIELD, UUID.randomUUID().toString()));

        assertThat(revoked.statusCode()).isEqualTo(302);
        JsonNode award = api.get(competition + "/awards").as(ORGANISER).send().json().get(0);
        assertThat(award.toString()).contains("the film was found to be plagiarised");
        assertThat(organiser.get(page).body()).contains("Revoked: the film was found to be plagiarised");
    }
}
