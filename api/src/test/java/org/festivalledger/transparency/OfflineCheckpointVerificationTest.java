package org.festivalledger.transparency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.festivalledger.Api.Reply;
import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.audit.LedgerLines;
import org.festivalledger.audit.OfflineVerification;
import org.festivalledger.audit.ReceiptVerification;
import org.festivalledger.ledger.ChainHash;
import org.festivalledger.ledger.StoredEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.AUDITOR;

/**
 * The offline commands against signed checkpoints: a history rewritten with every later chain hash recomputed
 * passes the chain check but not the checkpoints, and the report names where it departs; receipts verify offline.
 */
class OfflineCheckpointVerificationTest extends LedgerTestApplication {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private record Run(int status, String output) {
    }

    private static Run verify(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = OfflineVerification.run(List.of(arguments), print, print);
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }

    private static Run verifyReceipt(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = ReceiptVerification.run(List.of(arguments), print, print);
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }

    private String key() {
        return api.get("/api/public/log/key").send().body().strip();
    }

    private Path save(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    }

    private List<StoredEvent> export() {
        return api.get("/api/audit/export").as(AUDITOR).send().body().lines().map(LedgerLines::read).toList();
    }

    private Path file(String name, List<StoredEvent> events) throws IOException {
        Path file = directory.resolve(name);
        try (var out = Files.newOutputStream(file); var json = LedgerLines.generator(out)) {
            for (StoredEvent event : events) {
                LedgerLines.write(event, json);
            }
        }
        return file;
    }

    /** A juror scores two films and keeps the receipt of each, as a careful juror would. */
    private record Scored(Judging judging, long first, long second, Reply secondReceipt) {
    }

    private Scored twoScoresWithReceipts() {
        Judging judging = Judging.with(api, "offline-" + UUID.randomUUID().toString().substring(0, 6), 2, 1);
        assertThat(judging.openRound("preliminary", 1, "MEAN", 1).status()).isEqualTo(201);
        assertThat(judging.autoAssign("preliminary").status()).isEqualTo(200);
        long first = judging.score("preliminary", "juror-1", judging.entries.get(0), 6, 6, 6, null).ledgerPosition();
        assertThat(judging.asJuror(api.get("/api/receipts/" + first), "juror-1").send().status()).isEqualTo(200);
        long second = judging.score("preliminary", "juror-1", judging.entries.get(1), 7, 7, 7, null).ledgerPosition();
        Reply receipt = judging.asJuror(api.get("/api/receipts/" + second), "juror-1").send();
        assertThat(receipt.status()).isEqualTo(200);
        // More events after the scores: the rewrite is in the middle of the log.
        Judging.with(api, "offline-later-" + UUID.randomUUID().toString().substring(0, 6), 2, 1);
        return new Scored(judging, first, second, receipt);
    }

    @Test
    void aScoreRewrittenWithEveryLaterHashRecomputedIsRefusedAgainstTheCheckpointsNamingItsPosition()
            throws Exception {
        Scored scored = twoScoresWithReceipts();
        Path checkpoint = save("checkpoint.txt", api.get("/api/public/log/checkpoint").send().body());
        Path checkpoints = save("checkpoints.json", api.get("/api/public/log/checkpoints").send().body());
        List<StoredEvent> events = export();
        Path untouched = file("ledger.jsonl", events);
        assertThat(verify(untouched.toString(), "--checkpoint", checkpoint.toString(), "--consistency",
                checkpoints.toString(), "--key", key()).status()).isZero();

        List<StoredEvent> rewritten = rechained(raiseMark(events, scored.second()));
        Path forged = file("rewritten.jsonl", rewritten);

        Run chainOnly = verify(forged.toString());
        assertThat(chainOnly.status()).as("the chain alone cannot tell: " + chainOnly.output()).isZero();
        Run againstOne = verify(forged.toString(), "--checkpoint", checkpoint.toString(), "--key", key());
        assertThat(againstOne.status()).as(againstOne.output()).isEqualTo(1);
        assertThat(againstOne.output()).contains("CHECKPOINT").contains("the export departs from the signed log");
        Run againstAll = verify(forged.toString(), "--checkpoint", checkpoint.toString(), "--consistency",
                checkpoints.toString(), "--key", key());
        assertThat(againstAll.status()).as(againstAll.output()).isEqualTo(1);
        String position = String.format(Locale.ROOT, "%,d", scored.second());
        assertThat(againstAll.output()).contains("position " + position + "  CHECKPOINT")
                .contains("the first changed position is " + position)
                .contains("first at position " + position);
    }

    @Test
    void aCheckpointNotSignedByTheKeyOrLongerThanTheExportIsAProblem() throws Exception {
        twoScoresWithReceipts();
        String note = api.get("/api/public/log/checkpoint").send().body();
        List<StoredEvent> events = export();
        Path export = file("ledger.jsonl", events);
        Checkpoint signed = Checkpoint.parse(note.substring(0, note.indexOf("\n\n") + 1));

        Path altered = save("altered.txt", note.replaceFirst("\n" + signed.size() + "\n", "\n" + (signed.size() - 1)
                + "\n"));
        Run forgedNote = verify(export.toString(), "--checkpoint", altered.toString(), "--key", key());
        assertThat(forgedNote.status()).isEqualTo(1);
        assertThat(forgedNote.output()).contains("SIGNATURE");

        String otherKey = LogSigningKey.generate(VerifierKey.parse(key()).name()).verifierKey().toString();
        assertThat(verify(export.toString(), "--checkpoint", save("c.txt", note).toString(), "--key", otherKey)
                .output()).contains("SIGNATURE");

        Path truncated = file("truncated.jsonl", events.subList(0, (int) signed.size() - 3));
        Run shorter = verify(truncated.toString(), "--checkpoint", save("c2.txt", note).toString(), "--key", key());
        assertThat(shorter.status()).isEqualTo(1);
        assertThat(shorter.output()).contains("events are missing");

        assertThat(verify(export.toString(), "--checkpoint", save("c3.txt", note).toString()).status())
                .as("a checkpoint without a key").isEqualTo(2);
        assertThat(verify(export.toString(), "--key", "not-a-key", "--checkpoint", save("c4.txt", note).toString())
                .status()).isEqualTo(2);
    }

    @Test
    void aReceiptVerifiesOfflineThroughTheRealCommandLineAndATamperedOneDoesNot() throws Exception {
        Scored scored = twoScoresWithReceipts();
        Path receipt = save("receipt.json", scored.secondReceipt().body());

        Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.festivalledger.FestivalLedgerApplication",
                "verify-receipt", receipt.toString(), "--key", key()).redirectErrorStream(true).start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(cli.exitValue()).as(output).isZero();
        assertThat(output).startsWith("OK: the event at position " + String.format(Locale.ROOT, "%,d",
                scored.second())).doesNotContain("Tomcat");

        ObjectNode tampered = (ObjectNode) JSON.readTree(scored.secondReceipt().body());
        String hash = tampered.get("hash").asText();
        tampered.put("hash", (hash.charAt(0) == 'A' ? "B" : "A") + hash.substring(1));
        Run changedHash = verifyReceipt(save("t1.json", tampered.toString()).toString(), "--key", key());
        assertThat(changedHash.status()).isEqualTo(1);
        assertThat(changedHash.output()).contains("FAILED");

        ObjectNode moved = (ObjectNode) JSON.readTree(scored.secondReceipt().body());
        moved.put("position", scored.first());
        assertThat(verifyReceipt(save("t2.json", moved.toString()).toString(), "--key", key()).status()).isEqualTo(1);

        String otherKey = LogSigningKey.generate(VerifierKey.parse(key()).name()).verifierKey().toString();
        assertThat(verifyReceipt(receipt.toString(), "--key", otherKey).status()).isEqualTo(1);
        assertThat(verifyReceipt(receipt.toString()).status()).isEqualTo(2);
        assertThat(verifyReceipt(directory.resolve("none.json").toString(), "--key", key()).status()).isEqualTo(2);
    }

    /** The export with one mark of the score at {@code position} raised by one, nothing else changed yet. */
    private static List<StoredEvent> raiseMark(List<StoredEvent> events, long position) {
        List<StoredEvent> changed = new ArrayList<>(events);
        StoredEvent e = events.get((int) position - 1);
        assertThat(e.position()).isEqualTo(position);
        Matcher mark = Pattern.compile("\"artistic-impact\":(\\d+(\\.\\d+)?)").matcher(e.payload());
        assertThat(mark.find()).as(e.payload()).isTrue();
        String raised = new java.math.BigDecimal(mark.group(1)).add(java.math.BigDecimal.ONE).toPlainString();
        String payload = e.payload().substring(0, mark.start(1)) + raised + e.payload().substring(mark.end(1));
        changed.set((int) position - 1, new StoredEvent(e.position(), e.aggregateId(), e.aggregateType(),
                e.sequence(), e.eventId(), e.payloadType(), e.payloadRevision(), payload, e.metadata(), e.timestamp(),
                e.recordedAt(), e.previousHash(), e.hash()));
        return changed;
    }

    /** Every hash recomputed from the first event on, as an operator who knows the formula would. */
    private static List<StoredEvent> rechained(List<StoredEvent> events) {
        List<StoredEvent> chained = new ArrayList<>();
        String previous = ChainHash.GENESIS;
        for (StoredEvent e : events) {
            StoredEvent linked = new StoredEvent(e.position(), e.aggregateId(), e.aggregateType(), e.sequence(),
                    e.eventId(), e.payloadType(), e.payloadRevision(), e.payload(), e.metadata(), e.timestamp(),
                    e.recordedAt(), previous, null);
            String hash = ChainHash.of(linked);
            chained.add(new StoredEvent(e.position(), e.aggregateId(), e.aggregateType(), e.sequence(), e.eventId(),
                    e.payloadType(), e.payloadRevision(), e.payload(), e.metadata(), e.timestamp(), e.recordedAt(),
                    previous, hash));
            previous = hash;
        }
        return chained;
    }
}
