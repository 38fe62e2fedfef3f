package org.festivalledger.language;

import org.festivalledger.Api;
import org.festivalledger.Api.Reply;
import org.festivalledger.Judging;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.ORGANISER;

/**
 * What the bilingual page tests read: a competition judged, shortlisted, awarded, programmed and published, and one
 * still being judged whose juror-1 scored an entry and revised it ({@code revision} is that revision's position).
 */
record PagesFestival(Judging published, Judging judging, long revision) {

    static PagesFestival build(Api api) {
        // A competition judged, shortlisted, awarded, programmed and published…
        Judging published = Judging.judgedAndClosed(api, "shape", new int[]{3, 9, 5, 7, 4, 8});
        String competition = published.competition;
        assertThat(published.shortlist("preliminary", 3, "the three strongest").status()).isEqualTo(201);
        assertThat(published.confer("best-film", published.entries.get(1), "A kite that flies in every frame")
                .status()).isEqualTo(201);
        published.publicScreening("Huairou Cinema Hall 1", "2027-04-17T06:00:00Z",
                List.of(published.entries.get(1), published.entries.get(3)), "Shortlist programme 1");
        long publication = api.post("/api/competitions/" + competition + "/publication").as(ORGANISER).send()
                .ledgerPosition();
        assertThat(api.get("/api/public/competitions/" + competition + "/results?minPosition=" + publication).send()
                .status()).isEqualTo(200);

        // …and one still being judged, with a score and its revision, for the juror's pages and the histories.
        Judging judging = Judging.with(api, "shape-open-" + UUID.randomUUID().toString().substring(0, 6), 3, 2);
        assertThat(judging.openRound("preliminary", 2, "MEAN", 1).status()).isEqualTo(201);
        assertThat(judging.autoAssign("preliminary").status()).isEqualTo(200);
        String entry = judging.entries.get(0);
        assertThat(judging.score("preliminary", "juror-1", entry, 7, 6, 5, null).status()).isEqualTo(201);
        Reply revised = judging.score("preliminary", "juror-1", entry, 8, 6, 5, "seen again");
        assertThat(revised.status()).as(revised.toString()).isEqualTo(201);
        judging.mine("preliminary", "juror-1");
        return new PagesFestival(published, judging, revised.ledgerPosition());
    }
}
