package org.festivalledger.demo;

import org.festivalledger.competition.AnnounceCompetition;
import org.festivalledger.competition.AwardCategory;
import org.festivalledger.competition.Criterion;
import org.festivalledger.competition.SubmissionRules;
import org.festivalledger.http.CommandDispatch;
import org.festivalledger.http.ProjectionProgress;
import org.festivalledger.jury.AppointJuror;
import org.festivalledger.round.AggregationMethod;
import org.festivalledger.round.AssignJurorsAutomatically;
import org.festivalledger.round.EntrySource;
import org.festivalledger.round.OpenRound;
import org.festivalledger.scoring.RecordScore;
import org.festivalledger.security.JurorTokens;
import org.festivalledger.standings.JudgingBoard;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.security.Actor;
import org.festivalledger.security.Role;
import org.festivalledger.submission.AiDisclosure;
import org.festivalledger.submission.AiWorkflow;
import org.festivalledger.submission.Entry;
import org.festivalledger.submission.NewSubmission;
import org.festivalledger.submission.ReceiveSubmissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Random;

/**
 * The demo: an AIGC short film unit modelled on the Beijing International Film Festival's, with its
 * three criteria and 430 entries from many countries with varied AI-use disclosures. Loaded through
 * the same commands as real use, once (a restart finds it on the ledger and leaves it alone).
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "ledger.demo.enabled", havingValue = "true")
class DemoCompetition implements ApplicationRunner {

    static final String ID = "bjiff-aigc-2026";
    static final int ENTRIES = 430;
    static final int JURORS = 12;
    private static final String[] JUROR_NAMES = {"Ava Lindqvist", "Chen Kaige", "Marta Ribeiro", "Kwame Mensah",
            "Hana Sato", "Pierre Duval", "Leila Haddad", "Rahul Mehta", "Sofia Rossi", "Ingrid Berg",
            "Tomás Ortega", "Yuki Mori"};
    private static final Logger log = LoggerFactory.getLogger(DemoCompetition.class);
    private static final Actor LOADER = new Actor("demo-loader", Role.ORGANISER);

    private static final String[] COUNTRIES = {"CN", "US", "FR", "DE", "JP", "KR", "IN", "BR", "GB", "IT", "ES",
            "CA", "AU", "MX", "NG", "ZA", "EG", "TR", "IR", "AR", "CL", "CO", "SE", "NO", "DK", "FI", "PL", "UA",
            "NL", "BE", "CH", "AT", "PT", "GR", "IL", "SG", "TH", "VN", "ID", "PH", "MY", "NZ", "KE", "MA", "PE"};
    private static final String[] ADJECTIVES = {"Paper", "Silent", "Electric", "Borrowed", "Last", "Hollow",
            "Golden", "Quiet", "Drifting", "Neon", "Glass", "Distant", "Folded", "Burning", "Synthetic", "Lunar",
            "Salt", "Velvet", "Broken", "Invisible"};
    private static final String[] NOUNS = {"Moons", "Rivers", "Gardens", "Machines", "Letters", "Tides", "Cities",
            "Mirrors", "Lanterns", "Orchards", "Horizons", "Dreams", "Archives", "Bridges", "Echoes", "Harbours",
            "Kites", "Shadows", "Tongues", "Winters"};
    private static final String[] GIVEN = {"Li", "Wei", "Ana", "Kenji", "Amara", "Lucas", "Priya", "Omar", "Sofia",
            "Mateo", "Yuna", "Chen", "Ifeoma", "Noah", "Leila", "Jonas", "Mei", "Diego", "Aiko", "Tariq"};
    private static final String[] FAMILY = {"Zhang", "Souza", "Tanaka", "Okafor", "Martin", "Sharma", "Haddad",
            "Rossi", "García", "Kim", "Wang", "Müller", "Novak", "Ahmadi", "Lindqvist", "Nguyen", "Mensah", "Silva"};
    private static final List<List<String>> TOOLS = List.of(List.of("Runway Gen-4"), List.of("Sora", "Suno"),
            List.of("Kling", "ComfyUI"), List.of("Midjourney", "Runway Gen-4", "ElevenLabs"),
            List.of("Stable Diffusion", "Deforum"), List.of("Veo", "Udio"), List.of("Hailuo", "Topaz Video AI"),
            List.of("ComfyUI", "AnimateDiff", "Whisper"));

    private final CommandDispatch dispatch;
    private final LedgerLog ledger;
    private final Clock clock;
    private final JudgingBoard board;
    private final ProjectionProgress progress;
    private final DemoProgramme programme;

    DemoCompetition(CommandDispatch dispatch, LedgerLog ledger, Clock clock, JudgingBoard board,
                    ProjectionProgress progress, DemoProgramme programme) {
        this.dispatch = dispatch;
        this.ledger = ledger;
        this.clock = clock;
        this.board = board;
        this.progress = progress;
        this.programme = programme;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (ledger.lastSequence(ID).isPresent()) {
            log.info("Demo competition {} is already on the ledger", ID);
            return;
        }
        dispatch.send(new AnnounceCompetition(ID, "AIGC Short Film Unit", "2026",
                List.of(criterion("artistic-impact", "Artistic impact", "0.4"),
                        criterion("thematic-expression", "Thematic expression", "0.3"),
                        criterion("innovative-ai-use", "Innovative use of AI technology", "0.3")),
                new SubmissionRules(Instant.parse("2027-03-15T23:59:59Z"), 30),
                List.of(new AwardCategory("best-film", "Best AIGC Short Film", false),
                        new AwardCategory("best-creativity", "Best Creativity", false),
                        new AwardCategory("best-visual-effects", "Best Visual Effects", false),
                        new AwardCategory("jury-prize", "Special Jury Prize", true))),
                "demo data", LOADER);
        Random random = new Random(2026);
        List<NewSubmission> batch = new ArrayList<>();
        for (int n = 1; n <= ENTRIES; n++) {
            batch.add(new NewSubmission(String.format("entry-%03d", n), entry(random)));
            // Entries arrive in small batches, as a festival's submission platform would forward them.
            if (batch.size() == 43 || n == ENTRIES) {
                dispatch.send(new ReceiveSubmissions(ID, List.copyOf(batch), clock.instant()), "demo data", LOADER);
                batch.clear();
            }
        }
        judge(random);
        programme.record(ID, List.of("entry-017", "entry-042", "entry-108", "entry-233", "entry-301", "entry-377"));
        log.info("Demo competition {} announced with {} entries, {} jurors and an open preliminary round",
                ID, ENTRIES, JURORS);
    }

    /**
     * The jury at work: twelve jurors (their demo tokens are public, see {@link #demoToken}), a preliminary
     * round with three jurors per entry, and about two thirds of the scores in, so the standings move.
     */
    private void judge(Random random) {
        for (int j = 1; j <= JURORS; j++) {
            dispatch.send(new AppointJuror(ID, "juror-" + j, JUROR_NAMES[j - 1], JurorTokens.hash(demoToken(j))),
                    "demo data", LOADER);
        }
        List<String> entries = new ArrayList<>();
        for (int n = 1; n <= ENTRIES; n++) {
            entries.add(String.format("entry-%03d", n));
        }
        dispatch.send(new OpenRound(ID, "preliminary", "Preliminary round", 3, AggregationMethod.ZSCORE_MEAN, 2,
                EntrySource.ALL_ELIGIBLE, entries), "demo data", LOADER);
        dispatch.send(new AssignJurorsAutomatically(ID, "preliminary"), "demo data", LOADER);
        Map<String, Integer> quality = new HashMap<>();
        entries.forEach(entry -> quality.put(entry, 3 + random.nextInt(6)));
        for (int j = 1; j <= JURORS; j++) {
            String juror = "juror-" + j;
            int leniency = random.nextInt(3) - 1;
            for (String entry : assignedTo(juror)) {
                if (random.nextInt(3) == 0) {
                    continue; // not yet scored
                }
                Map<String, BigDecimal> marks = new LinkedHashMap<>();
                for (String criterion : List.of("artistic-impact", "thematic-expression", "innovative-ai-use")) {
                    int mark = Math.max(0, Math.min(10, quality.get(entry) + leniency + random.nextInt(3) - 1));
                    marks.put(criterion, BigDecimal.valueOf(mark));
                }
                dispatch.send(new RecordScore(ID, "preliminary", juror, entry, marks, "", null), null,
                        new Actor(juror, Role.JUROR));
            }
        }
    }

    private List<String> assignedTo(String juror) {
        progress.awaitPosition(ledger.head().position(), java.time.Duration.ofSeconds(30));
        return board.read(ID, record -> record.rounds.get("preliminary").entriesOf(juror)).orElse(List.of());
    }

    /** Demo jurors' bearer tokens are fixed and printed at startup: fine for a demo, never for a festival. */
    static String demoToken(int juror) {
        return "jt_demo_juror_" + juror;
    }

    private static Criterion criterion(String id, String name, String weight) {
        return new Criterion(id, name, new BigDecimal(weight), BigDecimal.ZERO, BigDecimal.TEN);
    }

    private static Entry entry(Random random) {
        String title = pick(random, ADJECTIVES) + " " + pick(random, NOUNS);
        List<String> team = new ArrayList<>();
        for (int i = 0, size = 1 + random.nextInt(4); i < size; i++) {
            team.add(pick(random, GIVEN) + " " + pick(random, FAMILY));
        }
        AiWorkflow workflow = AiWorkflow.values()[random.nextInt(AiWorkflow.values().length)];
        return new Entry(title, team, pick(random, COUNTRIES), 3 + random.nextInt(25),
                "A short film about " + title.toLowerCase() + ", made " + describe(workflow) + ".",
                new AiDisclosure(TOOLS.get(random.nextInt(TOOLS.size())), workflow));
    }

    private static String describe(AiWorkflow workflow) {
        return switch (workflow) {
            case FULLY_GENERATED -> "entirely with generative models";
            case LIVE_ACTION_TRANSFORMED -> "from live-action footage transformed by AI";
            case HYBRID -> "by mixing generated and filmed material";
            case AI_ASSISTED -> "with AI assisting the edit, sound and grade";
        };
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
