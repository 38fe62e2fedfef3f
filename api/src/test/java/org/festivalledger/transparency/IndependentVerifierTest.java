package org.festivalledger.transparency;

import org.festivalledger.Api.Reply;
import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.AUDITOR;
import static org.festivalledger.Api.ORGANISER;

/**
 * A verifier written apart from the application, in JavaScript from RFC 9162 and the C2SP texts
 * ({@code src/test/resources/independent-verifier/verify-log.mjs}, Node's built-in crypto only), checks the public
 * endpoints of the running ledger: signatures, roots recomputed from the export, inclusion proofs of random
 * positions, consistency between checkpoints. Needs {@code node} (18 or later) on the path.
 */
class IndependentVerifierTest extends LedgerTestApplication {

    private record Run(int status, String output) {
    }

    private Run nodeVerifier(String... extra) throws Exception {
        Path script = Path.of(getClass().getResource("/independent-verifier/verify-log.mjs").toURI());
        List<String> command = new java.util.ArrayList<>(List.of("node", script.toString(), "http://localhost:" + port,
                AUDITOR));
        command.addAll(List.of(extra));
        Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(node.exitValue(), output);
    }

    @Test
    void anIndependentVerifierAcceptsTheLogsCheckpointsRootsAndProofs() throws Exception {
        Judging judging = Judging.judgedAndClosed(api, "independent", new int[]{4, 9, 6, 8});
        Reply drawn = api.post(judging.path("preliminary") + "/shortlist").as(ORGANISER)
                .json(Map.of("size", 2, "rationale", "The two strongest")).send();
        assertThat(drawn.status()).as(drawn.toString()).isEqualTo(201);
        assertThat(api.get("/api/receipts/" + drawn.ledgerPosition()).as(AUDITOR).send().status()).isEqualTo(200);
        Reply published = api.post("/api/competitions/" + judging.competition + "/publication").as(ORGANISER).send();
        assertThat(published.status()).as(published.toString()).isLessThan(300);
        Judging.with(api, judging.competition + "-later", 3, 1);
        assertThat(api.get("/api/receipts/" + ledger.head().position()).as(AUDITOR).send().status()).isEqualTo(200);

        String key = api.get("/api/public/log/key").send().body().strip();
        Run run = nodeVerifier(key);

        System.out.println(run.output()); // the verifier's own account, kept in the test report
        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).contains("signatures verified, every root recomputed from the export")
                .contains("inclusion proofs verified").contains("consistency proofs verified")
                .contains("OK: the log is consistent with its signed checkpoints");

        String otherKey = LogSigningKey.generate(VerifierKey.parse(key).name()).verifierKey().toString();
        Run pinnedToAnotherKey = nodeVerifier(otherKey);
        assertThat(pinnedToAnotherKey.status()).as(pinnedToAnotherKey.output()).isEqualTo(1);
        assertThat(pinnedToAnotherKey.output()).contains("no valid signature");
    }
}
