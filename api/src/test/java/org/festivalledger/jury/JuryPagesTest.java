package org.festivalledger.jury;

import com.fasterxml.jackson.databind.JsonNode;
import org.festivalledger.Judging;
import org.festivalledger.JurorPageSignIn;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.OrganiserSession;
import org.festivalledger.http.FormOnce;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.StoredEvent;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.ORGANISER;

/**
 * The organiser's jury page: a juror appointed on it gets a sign-in link shown once (a repeat of the form shows it
 * no more, the ledger keeps only its hash), access reissued or revoked, a conflict declared; every refusal next to
 * its field with what was typed kept, and nothing recorded.
 */
class JuryPagesTest extends LedgerTestApplication {

    private static final Pattern LINK = Pattern.compile("value=\"(http[^\"]*/juror/sign-in\\?link=(jl_[^\"]+))\"");


    @Test
    void anAppointedJurorsLinkIsShownOnceAndARepeatOfTheFormDoesNotShowItAgain() {
        OrganiserSession organiser = OrganiserSession.signIn(port);
        Judging judging = Judging.with(api, "jury-page-" + UUID.randomUUID().toString().substring(0, 6), 2, 0);
        String page = "/organiser/competitions/" + judging.competition + "/jurors";
        long before = ledger.head().position();
        Map<String, String> form = Map.of("id", "ava", "name", "Ava Lindqvist",
                FormOnce.FIELD, UUID.randomUUID().toString());

        HttpResponse<String> shown = organiser.submit(page, page, form);

        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        Matcher link = LINK.matcher(shown.body());
        assertThat(link.find()).as(shown.body()).isTrue();
        assertThat(shown.body()).contains("readonly").contains("Ava Lindqvist is appointed");
        try (var since = ledger.readFrom(before + 1, LedgerLog.DEFAULT_CHUNK)) {
            List<StoredEvent> recorded = since.toList();
            assertThat(recorded).extracting(StoredEvent::payloadType).anyMatch(type -> type.endsWith("JurorAppointed"));
            assertThat(recorded).as("the link is kept only as a hash").noneMatch(event ->
                    event.payload().contains(link.group(2)) || event.metadata().contains(link.group(2)));
        }
        HttpResponse<String> repeat = organiser.submit(page, page, form);
        assertThat(repeat.statusCode()).isEqualTo(303);
        assertThat(repeat.headers().firstValue("Location").orElseThrow()).endsWith(page + "?shownOnce=ava");
        assertThat(repeat.body()).doesNotContain("jl_");
        HttpResponse<String> listed = organiser.get(page + "?shownOnce=ava");
        assertThat(listed.body()).contains("Ava Lindqvist").contains("shown once").doesNotContain("jl_");
        assertThat(api.get("/api/competitions/" + judging.competition + "/jurors").as(ORGANISER).send().json())
                .hasSize(1);

        // The link shown signs the juror in.
        assertThat(signsIn(link.group(1))).isTrue();
    }

    @Test
    void aRefusedAppointmentIsShownNextToItsFieldKeepsWhatWasTypedAndRecordsNothing() {
        OrganiserSession organiser = OrganiserSession.signIn(port);
        Judging judging = Judging.with(api, "jury-refused-" + UUID.randomUUID().toString().substring(0, 6), 2, 1);
        String page = "/organiser/competitions/" + judging.competition + "/jurors";
        long before = ledger.head().position();

        HttpResponse<String> taken = organiser.submit(page, page, Map.of("id", "juror-1", "name", "Bo Second",
                FormOnce.FIELD, UUID.randomUUID().toString()));
        HttpResponse<String> nameless = organiser.submit(page, page, Map.of("id", "cleo", "name", " ",
                FormOnce.FIELD, UUID.randomUUID().toString()));

        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("id=\"id-problem\"").contains("value=\"Bo Second\"")
                .contains("aria-describedby=\"id-problem\"").doesNotContain("jl_");
        assertThat(nameless.statusCode()).isEqualTo(400);
        assertThat(nameless.body()).contains("id=\"name-problem\"").contains("value=\"cleo\"");
        assertThat(ledger.head().position()).as("nothing recorded").isEqualTo(before);
    }

    @Test
    void accessIsReissuedOnceRevokedWithAReasonAndAConflictDeclared() {
        OrganiserSession organiser = OrganiserSession.signIn(port);
        Judging judging = Judging.with(api, "jury-access-" + UUID.randomUUID().toString().substring(0, 6), 2, 2);
        String page = "/organiser/competitions/" + judging.competition + "/jurors";
        String entry = judging.entries.get(0);

        HttpResponse<String> reissued = organiser.submit(page, page + "/juror-1/access",
                Map.of(FormOnce.FIELD, UUID.randomUUID().toString()));
        assertThat(reissued.statusCode()).isEqualTo(200);
        Matcher link = LINK.matcher(reissued.body());
        assertThat(link.find()).isTrue();
        assertThat(link.group(1)).isNotEqualTo(judging.jurorLinks.get("juror-1"));
        assertThat(signsIn(judging.jurorLinks.get("juror-1"))).as("the old link").isFalse();
        assertThat(signsIn(link.group(1))).isTrue();

        long before = ledger.head().position();
        HttpResponse<String> reasonless = organiser.submit(page, page + "/juror-2/access/revocation",
                Map.of("reason", "", FormOnce.FIELD, UUID.randomUUID().toString()));
        assertThat(reasonless.statusCode()).isEqualTo(400);
        assertThat(reasonless.body()).contains("id=\"revoke-reason-juror-2-problem\"");
        HttpResponse<String> conflictless = organiser.submit(page, page + "/conflicts", Map.of("jurorId", "juror-2",
                "submissionId", entry, "reason", "", FormOnce.FIELD, UUID.randomUUID().toString()));
        assertThat(conflictless.statusCode()).isEqualTo(400);
        assertThat(conflictless.body()).contains("id=\"conflict-reason-problem\"").contains("value=\"" + entry + "\"");
        assertThat(ledger.head().position()).as("nothing recorded").isEqualTo(before);

        HttpResponse<String> revoked = organiser.submit(page, page + "/juror-2/access/revocation",
                Map.of("reason", "left the festival", FormOnce.FIELD, UUID.randomUUID().toString()));
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(signsIn(judging.jurorLinks.get("juror-2"))).isFalse();
        HttpResponse<String> conflict = organiser.submit(page, page + "/conflicts", Map.of("jurorId", "juror-1",
                "submissionId", entry, "reason", "produced the film", FormOnce.FIELD, UUID.randomUUID().toString()));
        assertThat(conflict.statusCode()).isEqualTo(302);

        JsonNode jury = api.get("/api/competitions/" + judging.competition + "/jurors").as(ORGANISER).send().json();
        assertThat(jury.get(0).get("conflicts").toString()).contains(entry);
        String list = organiser.get(page).body();
        assertThat(list).contains("data-juror=\"juror-2\"").contains("revoked").contains(entry);
    }

    private boolean signsIn(String link) {
        return JurorPageSignIn.signIn(port, link) == 302;
    }
}
