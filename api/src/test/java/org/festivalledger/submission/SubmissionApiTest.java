package org.festivalledger.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.festivalledger.Api.Reply;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.ledger.StoredEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.AUDITOR;
import static org.festivalledger.Api.ORGANISER;
import static org.festivalledger.Festival.competition;
import static org.festivalledger.Festival.entry;

/** Competitions and their entries, driven through HTTP as an organiser's tool would. */
class SubmissionApiTest extends LedgerTestApplication {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String announce() {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
        Reply reply = api.post("/api/competitions").as(ORGANISER).json(competition(id)).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return id;
    }

    @Test
    void anOrganiserAnnouncesACompetitionAndEveryoneSignedInReadsIt() {
        String id = "aigc-" + UUID.randomUUID().toString().substring(0, 8);
        Reply created = api.post("/api/competitions").as(ORGANISER).json(competition(id)).send();

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/competitions/" + id);
        assertThat(created.json().get("id").asText()).isEqualTo(id);
        long position = created.ledgerPosition();
        assertThat(position).isPositive();

        Reply read = api.get("/api/competitions/" + id + "?minPosition=" + position).as(AUDITOR).send();
        assertThat(read.status()).isEqualTo(200);
        JsonNode competition = read.json();
        assertThat(competition.get("name").asText()).isEqualTo("AIGC Short Film Unit");
        assertThat(competition.get("criteria")).hasSize(3);
        assertThat(competition.get("criteria").get(0).get("weight").decimalValue()).isEqualByComparingTo("0.4");
        assertThat(competition.get("status").asText()).isEqualTo("OPEN_FOR_SUBMISSIONS");
        assertThat(Long.parseLong(read.header("Projection-Position"))).isGreaterThanOrEqualTo(position);

        Reply all = api.get("/api/competitions?minPosition=" + position).as(ORGANISER).send();
        assertThat(all.json().findValuesAsText("id")).contains(id);
    }

    @Test
    void anEntryIsReceivedListedAndWithdrawnWithItsReason() {
        String competition = announce();
        Reply received = api.post("/api/competitions/" + competition + "/submissions").as(ORGANISER)
                .json(entry("Paper Moons")).send();
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        String submission = received.json().get("id").asText();
        assertThat(received.header("Location"))
                .isEqualTo("/api/competitions/" + competition + "/submissions/" + submission);

        Reply withdrawn = api.post("/api/competitions/" + competition + "/submissions/" + submission + "/withdrawal")
                .as(ORGANISER).json(Map.of("reason", "the team signed with a distributor")).send();
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.ledgerPosition()).isGreaterThan(received.ledgerPosition());
        awaitOutOfContention(submission);

        Reply list = api.get("/api/competitions/" + competition + "/submissions?minPosition="
                + withdrawn.ledgerPosition()).as(AUDITOR).send();
        assertThat(list.status()).isEqualTo(200);
        JsonNode only = list.json().get(0);
        assertThat(list.json()).hasSize(1);
        assertThat(only.get("title").asText()).isEqualTo("Paper Moons");
        assertThat(only.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(only.get("statusReason").asText()).isEqualTo("the team signed with a distributor");
        assertThat(only.get("aiDisclosure").get("workflow").asText()).isEqualTo("FULLY_GENERATED");

        Reply again = api.post("/api/competitions/" + competition + "/submissions/" + submission + "/ineligibility")
                .as(ORGANISER).json(Map.of("reason", "too late anyway")).send();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void everyEventCarriesWhoDidItInWhichRoleWhyAndTheCorrelationId() throws Exception {
        String competition = announce();
        String submission = api.post("/api/competitions/" + competition + "/submissions").as(ORGANISER)
                .json(entry("Salt Tides")).send().json().get("id").asText();
        Reply ruled = api.post("/api/competitions/" + competition + "/submissions/" + submission + "/ineligibility")
                .as(ORGANISER).header("X-Correlation-Id", "ticket-4711")
                .json(Map.of("reason", "made before the eligibility window")).send();
        assertThat(ruled.status()).isEqualTo(200);

        StoredEvent event = ledger.readFrom(ruled.ledgerPosition()).findFirst().orElseThrow();
        JsonNode metadata = JSON.readTree(event.metadata());
        assertThat(event.payloadType()).endsWith("SubmissionRuledIneligible");
        assertThat(metadata.get("actor").asText()).isEqualTo("organiser");
        assertThat(metadata.get("role").asText()).isEqualTo("ORGANISER");
        assertThat(metadata.get("reason").asText()).isEqualTo("made before the eligibility window");
        assertThat(metadata.get("correlationId").asText()).isEqualTo("ticket-4711");
    }

    @Test
    void aCsvImportIsAllOrNothingAndNamesEveryBadLine() {
        String competition = announce();
        String csv = """
                title,team,country,runtimeMinutes,synopsis,aiTools,aiWorkflow
                Paper Moons,Li Wei;Ana Souza,CN,9,A kite-maker's last summer,Runway;Suno,FULLY_GENERATED
                Glass Orchards,Kenji Tanaka,JP,eleven,Fruit of glass,Kling,HYBRID
                Neon Rivers,Amara Okafor,NG,14,City at night,Sora,TELEPATHY
                """;
        long before = ledger.head().position();
        Reply rejected = api.post("/api/competitions/" + competition + "/submissions/import").as(ORGANISER)
                .contentType("text/csv").body(csv).send();

        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(400);
        assertThat(rejected.json().get("errors").findValuesAsText("field"))
                .containsExactly("runtimeMinutes", "aiWorkflow");
        assertThat(rejected.json().get("errors").findValues("line")).extracting(JsonNode::asInt)
                .containsExactly(3, 4);
        assertThat(ledger.head().position()).isEqualTo(before);

        String tooLong = csv.replace("eleven", "11").replace("TELEPATHY", "AI_ASSISTED").replace(",14,", ",45,");
        Reply ruleBroken = api.post("/api/competitions/" + competition + "/submissions/import").as(ORGANISER)
                .contentType("text/csv").body(tooLong).send();
        assertThat(ruleBroken.status()).as(ruleBroken.toString()).isEqualTo(422);
        assertThat(ruleBroken.json().get("errors").get(0).get("line").asInt()).isEqualTo(4);
        assertThat(ledger.head().position()).isEqualTo(before);

        Reply imported = api.post("/api/competitions/" + competition + "/submissions/import").as(ORGANISER)
                .contentType("text/csv").body(tooLong.replace(",45,", ",14,")).send();
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(3);
        Reply list = api.get("/api/competitions/" + competition + "/submissions?minPosition="
                + imported.ledgerPosition()).as(ORGANISER).send();
        assertThat(list.json().findValuesAsText("title"))
                .containsExactlyInAnyOrder("Paper Moons", "Glass Orchards", "Neon Rivers");
        assertThat(list.json().get(0).get("team")).hasSizeGreaterThanOrEqualTo(1);
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyIsAnsweredAgainAndRecordedOnce() {
        String competition = announce();
        String path = "/api/competitions/" + competition + "/submissions";
        Reply first = api.post(path).as(ORGANISER).header("Idempotency-Key", "upload-77").json(entry("Kites")).send();
        long head = ledger.head().position();
        Reply second = api.post(path).as(ORGANISER).header("Idempotency-Key", "upload-77").json(entry("Kites")).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Ledger-Position")).isEqualTo(first.header("Ledger-Position"));
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(ledger.head().position()).isEqualTo(head);

        Reply otherBody = api.post(path).as(ORGANISER).header("Idempotency-Key", "upload-77")
                .json(entry("Different film")).send();
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(ledger.head().position()).isEqualTo(head);
    }

    @Test
    void anEntryAfterTheDeadlineIsRefusedAndRecordsNothing() {
        String id = "late-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/competitions").as(ORGANISER).json(competition(id, "2020-01-01T00:00:00Z")).send();
        long before = ledger.head().position();

        Reply late = api.post("/api/competitions/" + id + "/submissions").as(ORGANISER).json(entry("Late")).send();

        assertThat(late.status()).isEqualTo(422);
        assertThat(late.json().get("detail").asText()).contains("deadline");
        assertThat(ledger.head().position()).isEqualTo(before);
    }

    @Test
    void badInputGetsAProblemThatSaysWhatIsWrongAndRecordsNothing() {
        String competition = announce();
        String path = "/api/competitions/" + competition + "/submissions";
        long before = ledger.head().position();

        Reply malformed = api.post(path).as(ORGANISER).body("{\"title\": \"Unclosed").send();
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");

        Reply wrongType = api.post(path).as(ORGANISER).body("{\"title\":\"X\",\"runtimeMinutes\":\"long\"}").send();
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("errors").get(0).get("field").asText()).isEqualTo("runtimeMinutes");

        Reply unknownField = api.post(path).as(ORGANISER).body("{\"titel\":\"X\"}").send();
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("errors").get(0).get("field").asText()).isEqualTo("titel");

        Reply missing = api.post(path).as(ORGANISER).body("{}").send();
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").findValuesAsText("field")).contains("title", "team", "country");

        Reply tooLong = api.post(path).as(ORGANISER).json(Map.of("title", "Epic", "team", List.of("A"),
                "country", "FR", "runtimeMinutes", 31, "aiDisclosure", Map.of("workflow", "HYBRID"))).send();
        assertThat(tooLong.status()).isEqualTo(422);

        Reply unknownCompetition = api.post("/api/competitions/nope/submissions").as(ORGANISER)
                .json(entry("Lost")).send();
        assertThat(unknownCompetition.status()).isEqualTo(404);

        Reply unknownSubmission = api.post(path + "/nope/withdrawal").as(ORGANISER)
                .json(Map.of("reason", "x")).send();
        assertThat(unknownSubmission.status()).isEqualTo(404);

        Reply noReason = api.post("/api/competitions").as(ORGANISER).json(Map.of("name", "")).send();
        assertThat(noReason.status()).isEqualTo(400);

        assertThat(ledger.head().position()).isEqualTo(before);
    }

    @Test
    void onlyOrganisersChangeThingsAndOnlySignedInPeopleRead() {
        String competition = announce();
        long before = ledger.head().position();

        assertThat(api.get("/api/competitions").send().status()).isEqualTo(401);
        assertThat(api.get("/api/competitions").as("organiser:wrong").send().status()).isEqualTo(401);
        Reply auditorWrites = api.post("/api/competitions/" + competition + "/submissions").as(AUDITOR)
                .json(entry("Sneaky")).send();
        assertThat(auditorWrites.status()).isEqualTo(403);
        assertThat(auditorWrites.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.post("/api/competitions").json(competition("x")).send().status()).isEqualTo(401);

        assertThat(ledger.head().position()).isEqualTo(before);
    }

    /**
     * A withdrawal takes the entry out of contention in its competition's judging by a policy, after the answer:
     * wait until that event is on the ledger, so that it cannot land in another test's "nothing was recorded".
     */
    private void awaitOutOfContention(String submission) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (api.get("/api/audit/events?type=EntryLeftContention&entity=" + submission).as(AUDITOR).send().json()
                .get("events").isEmpty()) {
            assertThat(System.nanoTime()).as("the entry left contention within 10 s").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
