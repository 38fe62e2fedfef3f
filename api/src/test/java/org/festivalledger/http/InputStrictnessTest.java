package org.festivalledger.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.festivalledger.Api.Reply;
import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.AUDITOR;
import static org.festivalledger.Api.ORGANISER;

/**
 * Requests that look valid to a lenient reader and are refused here: a JSON key given twice, a name made only of
 * invisible characters, a round asking for a billion jurors per entry. And HEAD is answered wherever GET is.
 */
class InputStrictnessTest extends LedgerTestApplication {

    @Autowired
    ObjectMapper webMapper;

    @Autowired
    @Qualifier("defaultAxonObjectMapper")
    ObjectMapper axonMapper;

    private Judging judging() {
        return Judging.with(api, "strict-" + UUID.randomUUID().toString().substring(0, 6), 2, 1);
    }

    @Test
    void aJsonKeyGivenTwiceIsRefusedAndRecordsNothing() {
        Judging judging = judging();
        long head = ledger.head().position();

        Reply twice = api.post("/api/competitions/" + judging.competition + "/jurors").as(ORGANISER)
                .body("{\"name\":\"Jia Zhangke\",\"name\":\"Someone Else\"}").send();
        Reply nested = api.post("/api/competitions/" + judging.competition + "/submissions").as(ORGANISER)
                .body("{\"title\":\"Paper Moons\",\"team\":[\"Li Wei\"],\"country\":\"CN\",\"runtimeMinutes\":9,"
                        + "\"synopsis\":\"s\",\"aiDisclosure\":{\"tools\":[\"Runway\"],\"workflow\":\"HYBRID\","
                        + "\"workflow\":\"FULLY_GENERATED\"}}").send();

        for (Reply reply : List.of(twice, nested)) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.json().get("type").asText()).endsWith("/invalid-request");
        }
        assertThat(ledger.head().position()).isEqualTo(head);
    }

    @Test
    void onlyTheWebsMapperRefusesDuplicateKeysNotTheOneThatReadsStoredEvents() {
        assertThat(webMapper.getFactory().isEnabled(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)).isTrue();
        assertThat(axonMapper).isNotSameAs(webMapper);
        assertThat(axonMapper.getFactory().isEnabled(JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
                .as("an event on the ledger is read as it was written").isFalse();
    }

    @Test
    void aNameOfInvisibleCharactersIsRefusedAndRecordsNothing() {
        Judging judging = judging();
        long head = ledger.head().position();

        Reply juror = api.post("/api/competitions/" + judging.competition + "/jurors").as(ORGANISER)
                .json(Map.of("name", "\u200B\u200B\u200B")).send();
        Reply round = api.post("/api/competitions/" + judging.competition + "/rounds").as(ORGANISER)
                .json(Map.of("id", "preliminary", "name", "\u2060\uFEFF ", "jurorsPerEntry", 1,
                        "aggregation", "MEAN", "minScoresPerEntry", 1, "entries", "ALL_ELIGIBLE")).send();

        assertThat(juror.status()).as(juror.toString()).isEqualTo(400);
        assertThat(juror.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(round.status()).as(round.toString()).isEqualTo(400);
        assertThat(round.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(ledger.head().position()).isEqualTo(head);
    }

    @Test
    void aRoundAskingForABillionJurorsPerEntryIsRefusedAndRecordsNothing() {
        Judging judging = judging();
        long head = ledger.head().position();

        Reply round = api.post("/api/competitions/" + judging.competition + "/rounds").as(ORGANISER)
                .json(Map.of("id", "preliminary", "name", "Preliminary", "jurorsPerEntry", 1_000_000_000,
                        "aggregation", "MEAN", "minScoresPerEntry", 1, "entries", "ALL_ELIGIBLE")).send();

        assertThat(round.status()).as(round.toString()).isEqualTo(400);
        assertThat(round.json().get("errors").get(0).get("field").asText()).isEqualTo("jurorsPerEntry");
        assertThat(ledger.head().position()).isEqualTo(head);
    }

    @Test
    void headIsAnsweredWhereverGetIsWithTheSameStatusAndNoBody() {
        Judging judging = judging();
        String c = "/api/competitions/" + judging.competition;
        record Probe(String path, String as) {
        }
        for (Probe probe : List.of(new Probe("/api/audit/head", null), new Probe("/api/competitions", ORGANISER),
                new Probe(c + "/submissions", AUDITOR), new Probe(c + "/jurors", ORGANISER),
                new Probe("/api/public/competitions/" + judging.competition + "/schedule", null),
                new Probe("/api/public/competitions/" + judging.competition + "/results", null),
                new Probe("/api/audit/events?limit=1", AUDITOR), new Probe("/", null),
                new Probe("/actuator/health/liveness", null))) {
            Reply get = api.get(probe.path()).as(probe.as()).send();
            Reply head = api.call("HEAD", probe.path()).as(probe.as()).send();
            assertThat(head.status()).as("HEAD " + probe.path()).isEqualTo(get.status());
            assertThat(head.body()).as("HEAD " + probe.path()).isEmpty();
            assertThat(head.header("Content-Type")).as("HEAD " + probe.path()).isEqualTo(get.header("Content-Type"));
        }
        assertThat(api.call("HEAD", c + "/submissions").send().status()).as("still signed in only").isEqualTo(401);
        assertThat(api.call("HEAD", c + "/submissions").as(ORGANISER).send().status()).isEqualTo(200);
    }
}
