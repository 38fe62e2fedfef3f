package org.festivalledger;

import com.fasterxml.jackson.databind.JsonNode;
import org.festivalledger.Api.Reply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.ORGANISER;

/** Sets up a competition with entries and jurors through HTTP, for the judging tests. */
public final class Judging {

    public final String competition;
    public final List<String> entries = new ArrayList<>();
    public final Map<String, String> jurorTokens = new HashMap<>();
    /** Each juror's sign-in link, as the organiser received it (a full URL). */
    public final Map<String, String> jurorLinks = new HashMap<>();
    private final Api api;

    private Judging(Api api, String competition) {
        this.api = api;
        this.competition = competition;
    }

    /** A competition with {@code entries} entries (one CSV import) and {@code jurors} appointed jurors. */
    public static Judging with(Api api, String competition, int entries, int jurors) {
        Judging judging = new Judging(api, competition);
        assertThat(api.post("/api/competitions").as(ORGANISER).json(Festival.competition(competition)).send()
                .status()).isEqualTo(201);
        StringBuilder csv = new StringBuilder("id,title,team,country,runtimeMinutes,synopsis,aiTools,aiWorkflow\n");
        for (int i = 1; i <= entries; i++) {
            String id = String.format("%s-e%02d", competition, i);
            judging.entries.add(id);
            csv.append(id).append(",Film ").append(i).append(",Team ").append(i).append(",FR,10,About ")
                    .append(i).append(",Runway,HYBRID\n");
        }
        Reply imported = api.post("/api/competitions/" + competition + "/submissions/import").as(ORGANISER)
                .contentType("text/csv").body(csv.toString()).send();
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        judging.appoint(jurors);
        return judging;
    }

    /**
     * A competition with entries recorded one by one in the order given (so each has its own receipt time, the
     * tie-break's key after the marks), and {@code jurors} appointed jurors.
     */
    public static Judging withEntriesInOrder(Api api, String competition, List<String> ids, int jurors) {
        Judging judging = new Judging(api, competition);
        assertThat(api.post("/api/competitions").as(ORGANISER).json(Festival.competition(competition)).send()
                .status()).isEqualTo(201);
        for (String id : ids) {
            Map<String, Object> entry = new HashMap<>(Festival.entry("Film " + id));
            entry.put("id", id);
            Reply recorded = api.post("/api/competitions/" + competition + "/submissions").as(ORGANISER).json(entry)
                    .send();
            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
            judging.entries.add(id);
        }
        judging.appoint(jurors);
        return judging;
    }

    /** A competition whose entries have the titles given (ids {@code <competition>-e01} …), and appointed jurors. */
    public static Judging withTitles(Api api, String competition, List<String> titles, int jurors) {
        Judging judging = new Judging(api, competition);
        assertThat(api.post("/api/competitions").as(ORGANISER).json(Festival.competition(competition)).send()
                .status()).isEqualTo(201);
        for (int i = 1; i <= titles.size(); i++) {
            Map<String, Object> entry = new HashMap<>(Festival.entry(titles.get(i - 1)));
            String id = String.format("%s-e%02d", competition, i);
            entry.put("id", id);
            Reply recorded = api.post("/api/competitions/" + competition + "/submissions").as(ORGANISER).json(entry)
                    .send();
            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
            judging.entries.add(id);
        }
        judging.appoint(jurors);
        return judging;
    }

    private void appoint(int jurors) {
        for (int j = 1; j <= jurors; j++) {
            String id = "juror-" + j;
            Reply appointed = api.post("/api/competitions/" + competition + "/jurors").as(ORGANISER)
                    .json(Map.of("id", id, "name", "Juror " + j)).send();
            assertThat(appointed.status()).as(appointed.toString()).isEqualTo(201);
            jurorTokens.put(id, appointed.json().get("token").asText());
            jurorLinks.put(id, appointed.json().get("signInLink").asText());
        }
    }

    /**
     * A competition whose {@code quality.length} films were all scored by three jurors in a closed round
     * {@code preliminary}: film n gets the mark {@code quality[n-1]} on every criterion from every juror.
     */
    public static Judging judgedAndClosed(Api api, String prefix, int[] quality) {
        Judging judging = with(api, prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 6),
                quality.length, 3);
        assertThat(judging.openRound("preliminary", 3, "MEAN", 3).status()).isEqualTo(201);
        assertThat(judging.autoAssign("preliminary").status()).isEqualTo(200);
        for (String juror : judging.jurorTokens.keySet()) {
            for (JsonNode entry : judging.mine("preliminary", juror)) {
                String id = entry.get("submissionId").asText();
                int q = quality[Integer.parseInt(id.substring(id.length() - 2)) - 1];
                Reply scored = judging.score("preliminary", juror, id, q, q, q, null);
                assertThat(scored.status()).as(scored.toString()).isEqualTo(201);
            }
        }
        assertThat(api.post(judging.path("preliminary") + "/close").as(ORGANISER).send().status()).isEqualTo(200);
        return judging;
    }

    /** The same competition and jurors, reached through another running application. */
    public Judging on(Api other) {
        Judging copy = new Judging(other, competition);
        copy.entries.addAll(entries);
        copy.jurorTokens.putAll(jurorTokens);
        copy.jurorLinks.putAll(jurorLinks);
        return copy;
    }

    public Reply openRound(String round, int jurorsPerEntry, String aggregation, int minScores) {
        return api.post("/api/competitions/" + competition + "/rounds").as(ORGANISER)
                .json(Map.of("id", round, "name", round, "jurorsPerEntry", jurorsPerEntry,
                        "aggregation", aggregation, "minScoresPerEntry", minScores, "entries", "ALL_ELIGIBLE"))
                .send();
    }

    public Reply autoAssign(String round) {
        return api.post(path(round) + "/assignments").as(ORGANISER).json(Map.of("mode", "AUTO")).send();
    }

    public Api.Call asJuror(Api.Call call, String juror) {
        return call.header("Authorization", "Bearer " + jurorTokens.get(juror));
    }

    /** The juror's list as of everything recorded so far (read-your-writes through the public head). */
    public JsonNode mine(String round, String juror) {
        long head = api.get("/api/audit/head").send().json().get("position").asLong();
        Reply reply = asJuror(api.get(path(round) + "/assignments/mine?minPosition=" + head), juror).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    public Reply score(String round, String juror, String entry, double artistic, double thematic, double ai,
                       String reason) {
        Api.Call call = asJuror(api.post(path(round) + "/scores"), juror).json(Map.of("submissionId", entry,
                "marks", Map.of("artistic-impact", artistic, "thematic-expression", thematic,
                        "innovative-ai-use", ai), "comment", "seen twice"));
        if (reason != null) {
            call.header("X-Reason", reason);
        }
        return call.send();
    }

    /** The organiser draws a round's shortlist of {@code size}. */
    public Reply shortlist(String round, int size, String rationale) {
        return api.post(path(round) + "/shortlist").as(ORGANISER)
                .json(Map.of("size", size, "rationale", rationale)).send();
    }

    /** The organiser confers an award of {@code category} on an entry. */
    public Reply confer(String category, String entry, String citation) {
        return api.post("/api/competitions/" + competition + "/awards").as(ORGANISER)
                .json(Map.of("categoryId", category, "submissionId", entry, "citation", citation)).send();
    }

    /**
     * A public screening of {@code films} in a new venue {@code venue} (15 minutes' changeover), and the public
     * schedule read until it shows it; the screening's answer.
     */
    public Reply publicScreening(String venue, String startsAt, List<String> films, String title) {
        Reply added = api.post("/api/competitions/" + competition + "/venues").as(ORGANISER)
                .json(Map.of("name", venue, "capacity", 420, "changeoverMinutes", 15)).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        Reply screening = api.post("/api/competitions/" + competition + "/screenings").as(ORGANISER)
                .json(Map.of("venueId", added.json().get("id").asText(), "startsAt", startsAt,
                        "submissionIds", films, "title", title, "public", true)).send();
        assertThat(screening.status()).as(screening.toString()).isEqualTo(201);
        api.get("/api/public/competitions/" + competition + "/schedule?minPosition=" + screening.ledgerPosition())
                .send();
        return screening;
    }

    public String path(String round) {
        return "/api/competitions/" + competition + "/rounds/" + round;
    }
}
