package org.festivalledger.demo;

import org.festivalledger.competition.AnnounceCompetition;
import org.festivalledger.competition.AwardCategory;
import org.festivalledger.competition.Criterion;
import org.festivalledger.competition.SubmissionRules;
import org.festivalledger.http.CommandDispatch;
import org.festivalledger.http.ProjectionProgress;
import org.festivalledger.jury.AppointJuror;
import org.festivalledger.round.AggregationMethod;
import org.festivalledger.award.ConferAward;
import org.festivalledger.publication.PublishResults;
import org.festivalledger.round.AssignJurorsAutomatically;
import org.festivalledger.round.CloseRound;
import org.festivalledger.shortlist.ShortlistDrawing;
import org.festivalledger.shortlist.TieAtCutOff;
import org.festivalledger.standings.StandingsTimeTravel;
import org.festivalledger.round.EntrySource;
import org.festivalledger.round.OpenRound;
import org.festivalledger.scoring.RecordScore;
import org.festivalledger.security.JurorTokens;
import org.festivalledger.standings.JudgingBoard;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.identity.Actor;
import org.festivalledger.identity.Role;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

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
    /** A second, smaller competition whose preliminary round is still open, so the live standings move. */
    static final String STUDENTS_ID = "bjiff-students-2026";
    static final int STUDENT_ENTRIES = 60;
    static final int STUDENT_JURORS = 6;
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
    private final ShortlistDrawing drawing;
    private final StandingsTimeTravel timeTravel;
    private final DemoProgramme programme;

    DemoCompetition(CommandDispatch dispatch, LedgerLog ledger, Clock clock, JudgingBoard board,
                    ProjectionProgress progress, ShortlistDrawing drawing, StandingsTimeTravel timeTravel,
                    DemoProgramme programme) {
        this.dispatch = dispatch;
        this.ledger = ledger;
        this.clock = clock;
        this.board = board;
        this.progress = progress;
        this.drawing = drawing;
        this.timeTravel = timeTravel;
        this.programme = programme;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (ledger.lastSequence(ID).isPresent()) {
            log.info("Demo competition {} is already on the ledger", ID);
            return;
        }
        Random random = new Random(2026);
        announce(ID, "AIGC Short Film Unit", List.of(new AwardCategory("best-film", "Best AIGC Short Film", false),
                new AwardCategory("best-creativity", "Best Creativity", false),
                new AwardCategory("best-visual-effects", "Best Visual Effects", false),
                new AwardCategory("jury-prize", "Special Jury Prize", true)));
        List<String> entries = receive(ID, "entry-%03d", ENTRIES, random);
        appointJury(ID, JURORS, DemoCompetition::demoToken);
        judgeToTheCeremony(entries, random);
        log.info("Demo competition {} recorded: {} entries, {} jurors, two rounds judged, awards published",
                ID, ENTRIES, JURORS);
        announce(STUDENTS_ID, "Student AIGC Shorts", List.of(new AwardCategory("best-student-film",
                "Best Student Film", false)));
        List<String> studentEntries = receive(STUDENTS_ID, "student-%03d", STUDENT_ENTRIES, random);
        appointJury(STUDENTS_ID, STUDENT_JURORS, DemoCompetition::studentToken);
        Map<String, Integer> quality = qualities(studentEntries, random);
        dispatch.send(new OpenRound(STUDENTS_ID, "preliminary", "Preliminary round", 3, AggregationMethod.MEAN, 2,
                EntrySource.ALL_ELIGIBLE, studentEntries), "demo data", LOADER);
        scoreRound(STUDENTS_ID, "preliminary", STUDENT_JURORS, quality, random, true);
        log.info("Demo competition {} recorded: {} entries, {} jurors, its preliminary round open for scoring",
                STUDENTS_ID, STUDENT_ENTRIES, STUDENT_JURORS);
    }

    private void announce(String competitionId, String name, List<AwardCategory> categories) {
        dispatch.send(new AnnounceCompetition(competitionId, name, "2026",
                List.of(criterion("artistic-impact", "Artistic impact", "0.4"),
                        criterion("thematic-expression", "Thematic expression", "0.3"),
                        criterion("innovative-ai-use", "Innovative use of AI technology", "0.3")),
                new SubmissionRules(Instant.parse("2027-03-15T23:59:59Z"), 30), categories), "demo data", LOADER);
    }

    /** Entries arrive in small batches, as a festival's submission platform would forward them. */
    private List<String> receive(String competitionId, String idFormat, int count, Random random) {
        List<String> ids = new ArrayList<>();
        List<NewSubmission> batch = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            String id = String.format(idFormat, n);
            ids.add(id);
            batch.add(new NewSubmission(id, entry(random)));
            if (batch.size() == 43 || n == count) {
                dispatch.send(new ReceiveSubmissions(competitionId, List.copyOf(batch), clock.instant()), "demo data",
                        LOADER);
                batch.clear();
            }
        }
        return ids;
    }

    /**
     * Demo jurors get fixed, published credentials: token {@code jt_demo_…} and sign-in link {@code jl_demo_…}
     * (valid for a year from loading, so a kept demo stays usable). They exist only in demo mode.
     */
    private void appointJury(String competitionId, int size, IntFunction<String> token) {
        for (int j = 1; j <= size; j++) {
            dispatch.send(new AppointJuror(competitionId, "juror-" + j, JUROR_NAMES[j - 1],
                    JurorTokens.hash(token.apply(j)), JurorTokens.hash(demoLink(token.apply(j))),
                    clock.instant().plus(Duration.ofDays(365))), "demo data", LOADER);
        }
    }

    /** A demo juror's sign-in link credential: their demo token's name with {@code jl_} for {@code jt_}. */
    static String demoLink(String demoToken) {
        return "jl_" + demoToken.substring("jt_".length());
    }

    /**
     * The unit's jury at work, the whole way to the ceremony: a preliminary round, three jurors per entry,
     * judged and closed; its shortlist of twenty; a final round of five jurors per film, judged and closed;
     * the awards; and the publication.
     */
    private void judgeToTheCeremony(List<String> entries, Random random) {
        Map<String, Integer> quality = qualities(entries, random);
        dispatch.send(new OpenRound(ID, "preliminary", "Preliminary round", 3, AggregationMethod.ZSCORE_MEAN, 2,
                EntrySource.ALL_ELIGIBLE, entries), "demo data", LOADER);
        scoreRound(ID, "preliminary", JURORS, quality, random, false);
        dispatch.send(new CloseRound(ID, "preliminary"), "demo data", LOADER);
        shortlist("preliminary", 20,
                "The twenty films with the strongest preliminary standings go to the final round");
        dispatch.send(new OpenRound(ID, "final", "Final round", 5, AggregationMethod.MEAN, 4,
                EntrySource.parse("SHORTLIST_OF:preliminary"), List.of()), "demo data", LOADER);
        scoreRound(ID, "final", JURORS, quality, random, false);
        dispatch.send(new CloseRound(ID, "final"), "demo data", LOADER);
        List<String> topFilms = confer();
        dispatch.send(new PublishResults(ID, clock.instant()), "the awards ceremony", LOADER);
        // The festival screens its top films and holds a creators' forum.
        programme.record(ID, topFilms.subList(0, Math.min(8, topFilms.size())));
    }

    private static Map<String, Integer> qualities(List<String> entries, Random random) {
        Map<String, Integer> quality = new HashMap<>();
        entries.forEach(entry -> quality.put(entry, 3 + random.nextInt(6)));
        return quality;
    }

    /** Assigns the round and has every juror score their entries; with {@code partly}, about two thirds. */
    private void scoreRound(String competitionId, String roundId, int jurors, Map<String, Integer> quality,
                            Random random, boolean partly) {
        dispatch.send(new AssignJurorsAutomatically(competitionId, roundId), "demo data", LOADER);
        for (int j = 1; j <= jurors; j++) {
            String juror = "juror-" + j;
            int leniency = random.nextInt(3) - 1;
            for (String entry : assignedTo(competitionId, roundId, juror)) {
                if (partly && random.nextInt(3) == 0) {
                    continue; // not yet scored: the standings still move when a juror scores it
                }
                Map<String, BigDecimal> marks = new LinkedHashMap<>();
                for (String criterion : List.of("artistic-impact", "thematic-expression", "innovative-ai-use")) {
                    int mark = Math.max(0, Math.min(10, quality.get(entry) + leniency + random.nextInt(3) - 1));
                    marks.put(criterion, BigDecimal.valueOf(mark));
                }
                dispatch.send(new RecordScore(competitionId, roundId, juror, entry, marks, "", null), null,
                        new Actor(juror, Role.JUROR));
            }
        }
    }

    /** Draws the round's top {@code size}; a tie at the cut-off is settled as an organiser may: take them all. */
    private void shortlist(String roundId, int size, String rationale) {
        try {
            dispatch.send(drawing.prepare(ID, roundId, size, List.of(), rationale), rationale, LOADER);
        } catch (TieAtCutOff tie) {
            shortlist(roundId, size + tie.tiedBelow().size(), rationale);
        }
    }

    /** The final standings decide the demo's awards; a real jury deliberates, and the citations say why. */
    private List<String> confer() {
        List<String> ranked = timeTravel.at(ID, "final", ledger.head().position()).orElseThrow().rows().stream()
                .map(row -> row.submissionId()).toList();
        String[][] awards = {
                {"best-film", "A film of rare completeness: image, sound and idea move as one."},
                {"best-creativity", "For turning the limits of its tools into a visual language of its own."},
                {"best-visual-effects", "Generated imagery of such texture that the seams become the subject."},
                {"jury-prize", "For the courage of a form that the jury could not stop discussing."},
                {"jury-prize", "For tenderness, humour and a closing shot the jury will not forget."}};
        for (int i = 0; i < awards.length; i++) {
            dispatch.send(new ConferAward(ID, "award-" + (i + 1), awards[i][0], ranked.get(i), awards[i][1],
                    ledger.head().position()), "the jury's deliberation", LOADER);
        }
        return ranked;
    }

    private List<String> assignedTo(String competitionId, String roundId, String juror) {
        progress.awaitPosition(ledger.head().position(), Duration.ofSeconds(30));
        return board.read(competitionId, record -> record.round(roundId).orElse(null).entriesOf(juror)).orElse(List.of());
    }

    /** Demo jurors' bearer tokens are fixed and printed at startup: fine for a demo, never for a festival. */
    static String demoToken(int juror) {
        return "jt_demo_juror_" + juror;
    }

    /** The student jury's tokens: a token names one juror of one competition. */
    static String studentToken(int juror) {
        return "jt_demo_student_" + juror;
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
