package org.festivalledger.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.festivalledger.audit.EventPayloads;
import org.festivalledger.audit.LedgerLines;
import org.festivalledger.audit.LedgerVerifier;
import org.festivalledger.audit.Verification;
import org.festivalledger.award.AwardConferred;
import org.festivalledger.competition.AwardCategory;
import org.festivalledger.competition.CompetitionAnnounced;
import org.festivalledger.competition.Criterion;
import org.festivalledger.competition.SubmissionRules;
import org.festivalledger.judging.JudgingEstablished;
import org.festivalledger.judging.JudgingId;
import org.festivalledger.jury.JurorAppointed;
import org.festivalledger.ledger.ChainHash;
import org.festivalledger.ledger.ChainVerifier;
import org.festivalledger.ledger.StoredEvent;
import org.festivalledger.round.AggregationMethod;
import org.festivalledger.round.Assignment;
import org.festivalledger.round.EntrySource;
import org.festivalledger.round.JurorsAssigned;
import org.festivalledger.round.RoundClosed;
import org.festivalledger.round.RoundOpened;
import org.festivalledger.scoring.ScoreRecorded;
import org.festivalledger.scoring.ScoreRevised;
import org.festivalledger.shortlist.RankedEntry;
import org.festivalledger.shortlist.ShortlistDrawn;
import org.festivalledger.judging.ShortlistDraft;
import org.festivalledger.shortlist.DrawShortlist;
import org.festivalledger.shortlist.TieAtCutOff;
import org.festivalledger.standings.JudgingRecord;
import org.festivalledger.standings.RoundStandings;
import org.festivalledger.submission.AiDisclosure;
import org.festivalledger.submission.AiWorkflow;
import org.festivalledger.submission.Entry;
import org.festivalledger.submission.SubmissionReceived;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Random;
import java.util.UUID;

/**
 * How fast an export verifies offline, beside how fast the same file merely parses as JSON Lines (in the same run,
 * alternating, median of three). Given a file it measures that export; given a number (default 200,000) and
 * optionally a file to keep it in, it first writes a judged competition of that many events: 430 entries, twelve jurors, a preliminary round of three
 * jurors per entry whose scores are revised until the log has its size, the round closed, a shortlist of twenty drawn
 * from the standings (ranked by the live fold and calculator, as the application does) and three awards.
 */
final class VerificationBenchmark {

    private static final int ROUNDS = 3;
    private static final String C = "bjiff-aigc-2026";
    private static final String ROUND = "preliminary";
    private static final List<Criterion> CRITERIA = List.of(
            new Criterion("artistic-impact", "Artistic impact", new BigDecimal("0.4"), BigDecimal.ZERO, BigDecimal.TEN),
            new Criterion("thematic-expression", "Thematic expression", new BigDecimal("0.3"), BigDecimal.ZERO,
                    BigDecimal.TEN),
            new Criterion("innovative-ai-use", "Innovative use of AI", new BigDecimal("0.3"), BigDecimal.ZERO,
                    BigDecimal.TEN));

    private VerificationBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path file;
        if (args.length > 0 && !args[0].matches("\\d+")) {
            file = Path.of(args[0]);
        } else {
            int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
            if (args.length > 1) {
                file = Path.of(args[1]); // kept, e.g. for `java -jar festival-ledger.jar verify` on the same file
            } else {
                file = Files.createTempFile("ledger-export", ".jsonl");
                file.toFile().deleteOnExit();
            }
            long started = System.nanoTime();
            new Synthetic(events).write(file);
            System.out.printf(Locale.ROOT, "Wrote a judged competition of %,d events (%,d MB) to %s in %.1f s%n",
                    events, Files.size(file) >> 20, file, (System.nanoTime() - started) / 1e9);
        }
        double[] parse = new double[ROUNDS];
        double[] chain = new double[ROUNDS];
        double[] verify = new double[ROUNDS];
        long events = 0;
        Verification last = null;
        for (int round = 0; round < ROUNDS; round++) {
            long started = System.nanoTime();
            events = parseOnly(file);
            parse[round] = events / seconds(started);
            started = System.nanoTime();
            long chained = chainOnly(file);
            chain[round] = chained / seconds(started);
            started = System.nanoTime();
            last = LedgerVerifier.verify(file);
            verify[round] = last.checked() / seconds(started);
        }
        if (!last.ok()) {
            throw new IllegalStateException("the export does not verify: " + last.problems());
        }
        double p = median(parse);
        double c = median(chain);
        double v = median(verify);
        System.out.printf(Locale.ROOT, "%s: %,d events, %,d shortlists and %,d awards re-derived%n", file, events,
                last.shortlists(), last.awards());
        System.out.println("| events | JSON parse events/s | chain only events/s | full verification events/s"
                + " | chain/parse | verification/parse |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| %,d | %,.0f | %,.0f | %,.0f | %.0f %% | %.0f %% |%n", events, p, c, v,
                100 * c / p, 100 * v / p);
    }

    /** The baseline: every line parsed as generic JSON, nothing checked. */
    private static long parseOnly(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        long lines = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (json.readTree(line).size() > 0) {
                    lines++;
                }
            }
        }
        return lines;
    }

    /** The first pass alone: every line read as an event and its hash recomputed. */
    private static long chainOnly(Path file) throws IOException {
        ChainVerifier chain = new ChainVerifier();
        try (var events = LedgerLines.read(file, (line, why) -> { })) {
            events.forEach(chain::accept);
        }
        if (!chain.ok()) {
            throw new IllegalStateException("the chain does not verify: " + chain.problems());
        }
        return chain.checked();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** A judged competition written as the application would record it, hash chain and all. */
    private static final class Synthetic {

        private static final int ENTRIES = 430;
        private static final int JURORS = 12;
        private static final int PER_ENTRY = 3;
        private static final int AWARDS = 3;

        private final int size;
        private final ObjectMapper json = EventPayloads.objectMapper();
        private final Random random = new Random(2026);
        private final JudgingRecord record = new JudgingRecord(C);
        private final Map<String, Long> sequences = new LinkedHashMap<>();
        private final Instant start = Instant.parse("2026-04-20T08:00:00Z");
        private JsonGenerator out;
        private long position;
        private String previousHash = ChainHash.GENESIS;

        Synthetic(int size) {
            this.size = size;
        }

        void write(Path file) throws IOException {
            try (OutputStream stream = Files.newOutputStream(file); JsonGenerator generator = LedgerLines.generator(
                    new java.io.BufferedOutputStream(stream, 1 << 16))) {
                out = generator;
                List<AwardCategory> categories = List.of(new AwardCategory("best-film", "Best AIGC Short Film", false),
                        new AwardCategory("jury-prize", "Special Jury Prize", true));
                append(C, "Competition", new CompetitionAnnounced(C, "AIGC Short Film Unit", "2026", CRITERIA,
                        new SubmissionRules(Instant.parse("2026-03-31T23:59:59Z"), 30), categories));
                judging(new JudgingEstablished(C, CRITERIA, categories));
                List<String> entries = new ArrayList<>();
                for (int e = 1; e <= ENTRIES; e++) {
                    String id = String.format(Locale.ROOT, "%s-%03d", C, e);
                    entries.add(id);
                    append(id, "Submission", new SubmissionReceived(id, C, new Entry("Film " + e,
                            List.of("Director " + e, "Producer " + e), "CN", 5 + e % 20, "A short film about " + e,
                            new AiDisclosure(List.of("Runway Gen-4", "Suno"), AiWorkflow.HYBRID)),
                            start.minusSeconds(86_400L * 30 - e)));
                }
                for (int j = 1; j <= JURORS; j++) {
                    judging(new JurorAppointed(C, "juror-" + j, "Juror " + j, UUID.randomUUID().toString()));
                }
                judging(new RoundOpened(C, ROUND, "Preliminary round", PER_ENTRY, AggregationMethod.ZSCORE_MEAN, 2,
                        EntrySource.ALL_ELIGIBLE, entries, CRITERIA));
                List<Assignment> assignments = new ArrayList<>();
                for (int e = 0; e < ENTRIES; e++) {
                    for (int k = 0; k < PER_ENTRY; k++) {
                        assignments.add(new Assignment("juror-" + (1 + (e + k * 4) % JURORS), entries.get(e)));
                    }
                }
                judging(new JurorsAssigned(C, ROUND, assignments, true));
                for (Assignment assignment : assignments) {
                    judging(new ScoreRecorded(C, ROUND, assignment.jurorId(), assignment.submissionId(), marks(),
                            "first viewing"));
                }
                Map<String, Integer> revisions = new LinkedHashMap<>();
                while (position < size - 2 - AWARDS) {
                    Assignment assignment = assignments.get(random.nextInt(assignments.size()));
                    int revision = revisions.merge(assignment.jurorId() + "|" + assignment.submissionId(), 1,
                            Integer::sum);
                    judging(new ScoreRevised(C, ROUND, assignment.jurorId(), assignment.submissionId(), marks(),
                            "seen again", "rewatched on a big screen", revision));
                }
                long closed = judging(new RoundClosed(C, ROUND));
                List<String> shortlist = shortlist(closed);
                for (int a = 0; a < AWARDS; a++) {
                    judging(new AwardConferred(C, "award-" + (a + 1), a == 0 ? "best-film" : "jury-prize",
                            shortlist.get(a), "For its daring", position));
                }
            }
        }

        /**
         * The shortlist the judging's own rules draw from the standings at {@code basedOn}, with the size grown
         * until no tie is cut through (as the demo settles a tie).
         */
        private List<String> shortlist(long basedOn) throws IOException {
            JudgingRecord.Round round = record.round(ROUND).orElseThrow();
            List<RankedEntry> ranking = RoundStandings.of(record, ROUND, record.entryFacts()).orElseThrow()
                    .standings(basedOn).ranking();
            for (int size = 20; ; size++) {
                DrawShortlist draw = new DrawShortlist(C, ROUND, size, ranking, List.of(),
                        "The twenty strongest films go to the final", basedOn, null);
                try {
                    ShortlistDrawn drawn = new ShortlistDraft(draw, !round.isOpen(), Set.copyOf(round.allEntries()),
                            record.leftContention()).decide(C);
                    judging(drawn);
                    return drawn.shortlist();
                } catch (TieAtCutOff tie) {
                    // a larger list takes the tied entries in
                }
            }
        }

        private Map<String, BigDecimal> marks() {
            Map<String, BigDecimal> marks = new LinkedHashMap<>();
            CRITERIA.forEach(criterion -> marks.put(criterion.id(), BigDecimal.valueOf(random.nextInt(101), 1)));
            return marks;
        }

        private long judging(Object event) throws IOException {
            return append(JudgingId.of(C), "Judging", event);
        }

        private long append(String aggregateId, String aggregateType, Object payload) throws IOException {
            position++;
            long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
            Instant at = start.plusMillis(position * 250);
            String eventId = UUID.randomUUID().toString();
            String metadata = "{\"actor\":\"organiser\",\"role\":\"ORGANISER\",\"correlationId\":\"" + eventId
                    + "\",\"traceId\":\"" + eventId + "\"}";
            StoredEvent unhashed = new StoredEvent(position, aggregateId, aggregateType, sequence, eventId,
                    payload.getClass().getName(), "1", json.writeValueAsString(payload), metadata, at, at,
                    previousHash, null);
            StoredEvent event = new StoredEvent(position, aggregateId, aggregateType, sequence, eventId,
                    unhashed.payloadType(), "1", unhashed.payload(), metadata, at, at, previousHash,
                    ChainHash.of(unhashed));
            LedgerLines.write(event, out);
            previousHash = event.hash();
            record.apply(payload, position);
            return position;
        }
    }
}
