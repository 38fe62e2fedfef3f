package org.festivalledger.audit;

import org.festivalledger.Api.Reply;
import org.festivalledger.Festival;
import org.festivalledger.LedgerTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.AUDITOR;
import static org.festivalledger.Api.ORGANISER;

/** The rebuild check runs once for callers that arrive together, and not again until the ledger moves. */
class RebuildCheckSharingTest extends LedgerTestApplication {

    @Autowired
    SharedRebuildCheck check;

    @Test
    void concurrentCallersShareOneRunAndItsReportStandsUntilTheHeadMoves() {
        assertThat(api.post("/api/competitions").as(ORGANISER)
                .json(Festival.competition("rebuild-" + UUID.randomUUID().toString().substring(0, 6))).send().status())
                .isEqualTo(201);
        long before = check.runs();

        List<Reply> replies = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.post("/api/audit/rebuild-check").as(AUDITOR).send()))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.toString()).isEqualTo(200));
        assertThat(replies.stream().map(Reply::body).distinct()).as("one report for all").hasSize(1);
        assertThat(check.runs() - before).isEqualTo(1);
        assertThat(api.post("/api/audit/rebuild-check").as(AUDITOR).send().body()).isEqualTo(replies.get(0).body());
        assertThat(check.runs() - before).as("the head has not moved").isEqualTo(1);

        assertThat(api.post("/api/competitions").as(ORGANISER)
                .json(Festival.competition("rebuild-" + UUID.randomUUID().toString().substring(0, 6))).send().status())
                .isEqualTo(201);
        Reply after = api.post("/api/audit/rebuild-check").as(AUDITOR).send();
        assertThat(after.json().get("ok").asBoolean()).as(after.toString()).isTrue();
        assertThat(check.runs() - before).isEqualTo(2);
    }
}
