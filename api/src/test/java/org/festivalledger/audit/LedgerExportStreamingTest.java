package org.festivalledger.audit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.festivalledger.Api;
import org.festivalledger.AppProcess;
import org.festivalledger.judging.JudgingId;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.PendingEvent;
import org.festivalledger.ledger.StoredEvent;
import org.festivalledger.ledger.embedded.EmbeddedMongoStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export streams: the application runs in its own process with a 256 MB heap on a log of many realistic
 * events (a juror's score with its metadata each, one per commit, seeded into its store before it starts), its
 * processors replay them, and the whole log comes down over HTTP, line by line, without the process running out of
 * memory. The export then verifies offline.
 *
 * <p>CI runs it on {@value #CI_EVENTS} events; {@code -Dledger.export.events=200000} runs the full size (figures
 * in docs/benchmarks.md):
 * {@code mvn -o -pl api -am verify -Dtest=LedgerExportStreamingTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dledger.export.events=200000}.
 */
class LedgerExportStreamingTest {

    static final int CI_EVENTS = 30_000;
    private static final int EVENTS = Integer.getInteger("ledger.export.events", CI_EVENTS);
    private static final String COMPETITION = "seeded-festival";
    private static final String PAYLOAD = "{\"competitionId\":\"" + COMPETITION + "\",\"roundId\":\"preliminary\","
            + "\"jurorId\":\"juror-%d\",\"submissionId\":\"" + COMPETITION + "-e%03d\",\"marks\":{\"artistic-impact\":8.5,"
            + "\"thematic-expression\":7,\"innovative-ai-use\":9},\"comment\":\"Striking use of generated imagery.\"}";
    private static final String METADATA = "{\"actor\":\"juror-%d\",\"role\":\"JUROR\",\"correlationId\":\"%s\","
            + "\"traceId\":\"%s\"}";

    @TempDir
    Path directory;

    @Test
    void theWholeLogStreamsFromAProcessWithA256MegabyteHeap() throws Exception {
        Path data = directory.resolve("data");
        long seedStarted = System.nanoTime();
        seed(data, EVENTS);
        double seedSeconds = seconds(seedStarted);

        Path gcLog = directory.resolve("gc.log");
        Path export = directory.resolve("ledger.jsonl");
        long lines;
        double exportSeconds;
        double catchUpSeconds;
        try (AppProcess app = AppProcess.start(data, List.of("-Xmx256m", "-Xlog:gc:file=" + gcLog))) {
            // The application's own processors replay the seeded log first; the export is measured on its own.
            long started = System.nanoTime();
            awaitProjections(app, EVENTS);
            catchUpSeconds = seconds(started);
            started = System.nanoTime();
            lines = download(app, export);
            exportSeconds = seconds(started);
            assertThat(app.isAlive()).as("the application survived the export").isTrue();
            assertThat(Files.readString(app.log())).doesNotContain("OutOfMemoryError");
        }
        assertThat(lines).isEqualTo(EVENTS);

        long verifyStarted = System.nanoTime();
        Verification verification = LedgerVerifier.verify(export);
        double verifySeconds = seconds(verifyStarted);
        assertThat(verification.problems()).isEmpty();
        assertThat(verification.checked()).isEqualTo(EVENTS);

        System.out.printf(Locale.ROOT, "Export of %,d events (%,d MB) from a 256 MB heap: seeded in %.1f s,"
                        + " projections caught up in %.1f s, downloaded in %.1f s (%,.0f events/s), live heap at most"
                        + " %d MB; verified offline in %.1f s (%,.0f events/s)%n", EVENTS, Files.size(export) >> 20,
                seedSeconds, catchUpSeconds, exportSeconds, EVENTS / exportSeconds, peakHeapAfterGc(gcLog),
                verifySeconds, EVENTS / verifySeconds);
    }

    /** Fills the store the application will open with one-event commits, in bulk, before it starts. */
    private static void seed(Path data, int events) {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(data, 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            LedgerLog ledger = new LedgerLog(client.getDatabase("festival"), Clock.systemUTC());
            Instant now = Instant.now();
            for (int sequence = 0; sequence < events; ) {
                List<List<PendingEvent>> batch = new ArrayList<>();
                for (int i = 0; i < 2_000 && sequence < events; i++, sequence++) {
                    int juror = 1 + sequence % 12;
                    String id = UUID.randomUUID().toString();
                    batch.add(List.of(new PendingEvent(JudgingId.of(COMPETITION), "Judging", sequence, id,
                            "org.festivalledger.scoring.ScoreRecorded", "1",
                            String.format(Locale.ROOT, PAYLOAD, juror, 1 + sequence % 430),
                            String.format(Locale.ROOT, METADATA, juror, id, id), now)));
                }
                ledger.appendAll(batch);
            }
        }
    }

    /** Waits until every processor of the application has handled {@code position} (read-your-writes). */
    private static void awaitProjections(AppProcess app, long position) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120 + position / 200).toNanos();
        while (true) {
            Api.Reply reply = app.api().get("/api/competitions?minPosition=" + position).as(Api.AUDITOR).send();
            if (Long.parseLong(reply.header("Projection-Position")) >= position) {
                return;
            }
            assertThat(app.isAlive()).as("the application is alive while catching up").isTrue();
            assertThat(System.nanoTime()).as("projections caught up in time").isLessThan(deadline);
        }
    }

    /** Reads the export as it streams, checking positions line by line, and keeps a copy for the verifier. */
    private static long download(AppProcess app, Path copy) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/api/audit/export"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("auditor:auditor-demo".getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(5)).build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        // Written while it is read: sent in chunks, never assembled first to announce its length.
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        long lines = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
             BufferedWriter writer = Files.newBufferedWriter(copy)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines++;
                if (lines % 10_000 == 1) {
                    StoredEvent event = LedgerLines.read(line);
                    assertThat(event.position()).isEqualTo(lines);
                }
                writer.write(line);
                writer.newLine();
            }
        }
        return lines;
    }

    /** The largest heap left after a full collection (the live set), or after any collection if none was full. */
    private static long peakHeapAfterGc(Path gcLog) throws IOException {
        if (!Files.exists(gcLog)) {
            return -1;
        }
        Pattern pause = Pattern.compile("Pause (Full|Young).*->(\\d+)M\\(");
        long full = 0;
        long any = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher matcher = pause.matcher(line);
            if (matcher.find()) {
                long after = Long.parseLong(matcher.group(2));
                any = Math.max(any, after);
                if (matcher.group(1).equals("Full")) {
                    full = Math.max(full, after);
                }
            }
        }
        return full > 0 ? full : any;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
