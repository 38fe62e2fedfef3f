package org.festivalledger.competition;

import com.fasterxml.jackson.databind.JsonNode;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.OrganiserSession;
import org.festivalledger.http.FormOnce;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.ORGANISER;

/**
 * Announcing a competition on the organiser's page, through the use case the API uses: rows added without
 * JavaScript, blank rows left out, a refusal shown next to the row's field with everything typed kept.
 */
class AnnouncementPageTest extends LedgerTestApplication {

    private static final String PAGE = "/organiser/competitions/new";

    private static Map<String, String> form(String id) {
        Map<String, String> form = new HashMap<>();
        form.put(FormOnce.FIELD, UUID.randomUUID().toString());
        form.put("id", id);
        form.put("name", "AIGC Short Film Unit");
        form.put("edition", "2027");
        form.put("rules.submissionDeadline", "2099-03-31T23:59");
        form.put("rules.maxRuntimeMinutes", "30");
        form.put("criteriaRows", "3");
        form.put("categoryRows", "2");
        criterion(form, 0, "artistic-impact", "Artistic impact", "0.4");
        // Row 1 left blank: it is left out, and row 2 is the second criterion sent.
        criterion(form, 2, "innovative-ai-use", "Innovative use of AI", "0.6");
        form.put("awardCategories[0].id", "best-film");
        form.put("awardCategories[0].name", "Best AIGC Short Film");
        form.put("awardCategories[1].id", "jury-prize");
        form.put("awardCategories[1].name", "Special Jury Prize");
        form.put("awardCategories[1].jointWinnersAllowed", "true");
        return form;
    }

    private static void criterion(Map<String, String> form, int row, String id, String name, String weight) {
        form.put("criteria[" + row + "].id", id);
        form.put("criteria[" + row + "].name", name);
        form.put("criteria[" + row + "].weight", weight);
        form.put("criteria[" + row + "].min", "0");
        form.put("criteria[" + row + "].max", "10");
    }

    @Test
    void aCompetitionAnnouncedOnThePageIsOnTheLedgerAndItsOverviewFollows() {
        OrganiserSession organiser = OrganiserSession.signIn(port);
        assertThat(organiser.get("/organiser").body()).contains("href=\"/organiser/competitions/new\"")
                .contains("Announce a competition");

        HttpResponse<String> announced = organiser.submit(PAGE, PAGE, form("announced-on-page"));

        assertThat(announced.statusCode()).as(announced.body()).isIn(302, 303);
        assertThat(announced.headers().firstValue("Location").orElseThrow())
                .endsWith("/organiser/competitions/announced-on-page");
        JsonNode competition = api.get("/api/competitions/announced-on-page").as(ORGANISER).send().json();
        assertThat(competition.get("criteria")).hasSize(2);
        assertThat(competition.get("criteria").get(1).get("id").asText()).isEqualTo("innovative-ai-use");
        assertThat(competition.get("criteria").get(1).get("weight").decimalValue()).isEqualByComparingTo("0.6");
        // Typed in the festival's zone (Beijing, UTC+8).
        assertThat(competition.get("rules").get("submissionDeadline").asText()).isEqualTo("2099-03-31T15:59:00Z");
        assertThat(competition.get("awardCategories").get(1).get("jointWinnersAllowed").asBoolean()).isTrue();
        assertThat(competition.get("awardCategories").get(0).get("jointWinnersAllowed").asBoolean()).isFalse();
        assertThat(organiser.get("/organiser/competitions/announced-on-page").statusCode()).isEqualTo(200);
        assertThat(organiser.get("/organiser").body()).contains("AIGC Short Film Unit")
                .contains("href=\"/organiser/competitions/announced-on-page/entries\"");
    }

    @Test
    void aRefusalIsShownNextToTheRowsFieldWithWhatWasTypedAndNothingIsRecorded() {
        OrganiserSession organiser = OrganiserSession.signIn(port);
        Map<String, String> form = form("refused-on-page");
        form.put("criteria[2].weight", "0");
        form.put("criteria[0].max", "ten");

        HttpResponse<String> notANumber = organiser.submit(PAGE, PAGE, form);
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).contains("id=\"criteria[0].max-problem\"").contains("Please write a number")
                .contains("value=\"ten\"").contains("value=\"Innovative use of AI\"");

        form.put("criteria[0].max", "10");
        HttpResponse<String> refused = organiser.submit(PAGE, PAGE, form);

        assertThat(refused.statusCode()).isEqualTo(400);
        // The domain named criteria[1] (the second row sent); the page says it under its third row.
        assertThat(refused.body()).contains("id=\"criteria[2].weight-problem\"").contains("Must be greater than zero.")
                .doesNotContain("id=\"criteria[1].weight-problem\"")
                .contains("value=\"AIGC Short Film Unit\"").contains("value=\"2099-03-31T23:59\"")
                .contains("aria-describedby=\"criteria[2].weight-problem\"");
        assertThat(api.get("/api/competitions/refused-on-page").as(ORGANISER).send().status()).isEqualTo(404);

        Map<String, String> noDeadline = form("refused-on-page");
        noDeadline.put("rules.submissionDeadline", "");
        noDeadline.put("name", "");
        HttpResponse<String> blank = organiser.submit(PAGE, PAGE, noDeadline);
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("id=\"rules.submissionDeadline-problem\"").contains("id=\"name-problem\"");
        assertThat(api.get("/api/competitions/refused-on-page").as(ORGANISER).send().status()).isEqualTo(404);

        organiser.submit(PAGE, PAGE, form("taken-on-page"));
        HttpResponse<String> taken = organiser.submit(PAGE, PAGE, form("taken-on-page"));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("id=\"id-problem\"").contains("already been announced");
    }

    @Test
    void aRowIsAddedWithoutJavaScriptAndNothingIsRecorded() {
        OrganiserSession organiser = OrganiserSession.signIn(port);
        assertThat(organiser.get(PAGE).body()).contains("id=\"criteria[2].weight\"")
                .doesNotContain("id=\"criteria[3].weight\"");
        Map<String, String> form = form("longer-form");
        form.put("more", "criterion");

        HttpResponse<String> longer = organiser.submit(PAGE, PAGE, form);

        assertThat(longer.statusCode()).isEqualTo(200);
        assertThat(longer.body()).contains("id=\"criteria[3].weight\"").contains("value=\"Artistic impact\"")
                .contains("name=\"criteriaRows\" value=\"4\"").doesNotContain(form.get(FormOnce.FIELD));
        assertThat(api.get("/api/competitions/longer-form").as(ORGANISER).send().status()).isEqualTo(404);
    }
}
