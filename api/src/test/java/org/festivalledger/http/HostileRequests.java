package org.festivalledger.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A corpus of malformed and hostile requests over every endpoint of the API, generated from one table of the
 * endpoints (as the controllers and {@code SecurityConfiguration} list them). Each request must be refused with a
 * 4xx problem and record nothing. Against a competition {@code a} with entries, jurors, an open round, a venue, a
 * screening and a forum session, and another competition {@code b}.
 */
final class HostileRequests {

    /** One request of the corpus, with what it tries. */
    record Hostile(String what, String method, String target, Map<String, String> headers, byte[] body) {
    }

    /** Who signs a request in ({@code SIGNED_IN}, for an endpoint: anyone who is). */
    enum Caller { ANONYMOUS, ORGANISER, AUDITOR, JUROR, JUROR_OF_B, SIGNED_IN }

    /**
     * A command endpoint: its path, who may call it, and a nearly valid body around one free text (each text attack
     * goes there), or {@code null} for an endpoint without a body.
     */
    record Command(String path, Caller caller, Function<String, String> bodyWithText) {
    }

    /** A query endpoint and who may call it. */
    record Query(String path, Caller caller) {
    }

    private static final String LONE_SURROGATE = "\\ud800";
    private static final int MAX_BODY = 10 * 1024 * 1024;

    private final String a;
    private final String b;
    private final String entry;
    private final String entryOfB;
    private final Map<Caller, String> authorization;
    private final List<Hostile> corpus = new ArrayList<>();

    /**
     * @param authorization the {@code Authorization} header of each caller (none for the anonymous)
     */
    HostileRequests(String a, String b, String entry, String entryOfB, Map<Caller, String> authorization) {
        this.a = a;
        this.b = b;
        this.entry = entry;
        this.entryOfB = entryOfB;
        this.authorization = authorization;
    }

    List<Command> commands() {
        String c = "/api/competitions/" + a;
        String round = c + "/rounds/preliminary";
        return List.of(
                new Command("/api/competitions", Caller.ORGANISER, text -> "{\"name\":\"" + text + "\",\"edition\":\"2026\"}"),
                new Command(c + "/submissions", Caller.ORGANISER, text -> "{\"title\":\"" + text
                        + "\",\"team\":[\"Li Wei\"],\"country\":\"CN\",\"runtimeMinutes\":9,"
                        + "\"aiDisclosure\":{\"tools\":[\"Suno\"],\"workflow\":\"HYBRID\"}}"),
                new Command(c + "/submissions/" + entry + "/withdrawal", Caller.ORGANISER, text -> reason(text)),
                new Command(c + "/submissions/" + entry + "/ineligibility", Caller.ORGANISER, text -> reason(text)),
                new Command(c + "/jurors", Caller.ORGANISER, text -> "{\"name\":\"" + text + "\"}"),
                new Command(c + "/jurors/juror-1/access", Caller.ORGANISER, null),
                new Command(c + "/jurors/juror-1/access/revocation", Caller.ORGANISER, text -> reason(text)),
                new Command(c + "/jurors/juror-1/conflicts", Caller.JUROR, text -> "{\"submissionId\":\"" + entry
                        + "\",\"reason\":\"" + text + "\"}"),
                new Command(c + "/rounds", Caller.ORGANISER, text -> "{\"id\":\"final\",\"name\":\"" + text
                        + "\",\"jurorsPerEntry\":1,\"aggregation\":\"MEAN\",\"minScoresPerEntry\":1}"),
                new Command(round + "/assignments", Caller.ORGANISER, text -> "{\"action\":\"REMOVE\",\"jurorId\":"
                        + "\"juror-1\",\"submissionId\":\"" + entry + "\",\"reason\":\"" + text + "\"}"),
                new Command(round + "/scores", Caller.JUROR, text -> "{\"submissionId\":\"" + entry + "\",\"marks\":"
                        + "{\"artistic-impact\":8,\"thematic-expression\":7,\"innovative-ai-use\":9},\"comment\":\""
                        + text + "\"}"),
                new Command(round + "/shortlist", Caller.ORGANISER, text -> "{\"size\":1,\"rationale\":\"" + text
                        + "\",\"overrides\":[]}"),
                new Command(c + "/awards", Caller.ORGANISER, text -> "{\"categoryId\":\"best-film\",\"submissionId\":\""
                        + entry + "\",\"citation\":\"" + text + "\"}"),
                new Command(c + "/awards/no-such-award/revocation", Caller.ORGANISER, text -> reason(text)),
                new Command(c + "/venues", Caller.ORGANISER, text -> "{\"name\":\"" + text
                        + "\",\"capacity\":100,\"changeoverMinutes\":10}"),
                new Command(c + "/screenings", Caller.ORGANISER, text -> "{\"title\":\"" + text
                        + "\",\"venueId\":\"hall\",\"startsAt\":\"2027-04-20T10:00:00Z\",\"submissionIds\":[\"" + entry
                        + "\"]}"),
                new Command(c + "/screenings/show-1/reschedule", Caller.ORGANISER, text -> reason(text)),
                new Command(c + "/screenings/show-1/cancellation", Caller.ORGANISER, text -> reason(text)),
                new Command(c + "/forum-sessions", Caller.ORGANISER, text -> "{\"title\":\"" + text
                        + "\",\"speakers\":[\"Lin Yue\"],\"venueId\":\"hall\",\"startsAt\":\"2027-04-21T10:00:00Z\","
                        + "\"endsAt\":\"2027-04-21T11:00:00Z\"}"),
                new Command(c + "/forum-sessions/talk-1/reschedule", Caller.ORGANISER, text -> reason(text)),
                new Command(c + "/forum-sessions/talk-1/cancellation", Caller.ORGANISER, text -> reason(text)),
                new Command(c + "/submissions/import", Caller.ORGANISER, null),
                new Command(round + "/close", Caller.ORGANISER, null),
                new Command(c + "/publication", Caller.ORGANISER, null),
                new Command("/api/audit/rebuild-check", Caller.AUDITOR, null));
    }

    List<Query> queries() {
        String c = "/api/competitions/" + a;
        String round = c + "/rounds/preliminary";
        return List.of(
                new Query("/api/competitions", Caller.SIGNED_IN),
                new Query(c, Caller.SIGNED_IN),
                new Query(c + "/submissions", Caller.AUDITOR),
                new Query(c + "/submissions/" + entry, Caller.AUDITOR),
                new Query(c + "/jurors", Caller.AUDITOR),
                new Query(c + "/rounds", Caller.AUDITOR),
                new Query(round, Caller.AUDITOR),
                new Query(round + "/assignments", Caller.AUDITOR),
                new Query(round + "/assignments/mine", Caller.JUROR),
                new Query(round + "/standings", Caller.AUDITOR),
                new Query(round + "/shortlist", Caller.AUDITOR),
                new Query(c + "/awards", Caller.AUDITOR),
                new Query(c + "/venues", Caller.AUDITOR),
                new Query(c + "/venues/hall", Caller.AUDITOR),
                new Query(c + "/screenings/show-1", Caller.AUDITOR),
                new Query(c + "/forum-sessions/talk-1", Caller.AUDITOR),
                new Query(c + "/schedule", Caller.AUDITOR),
                new Query("/api/audit/verification", Caller.AUDITOR),
                new Query("/api/audit/events", Caller.AUDITOR),
                new Query("/api/audit/entities/" + entry + "/history", Caller.AUDITOR),
                new Query("/api/audit/competitions/" + a + "/rounds/preliminary/calibration", Caller.AUDITOR),
                new Query("/api/receipts/1", Caller.SIGNED_IN),
                new Query("/actuator/prometheus", Caller.AUDITOR),
                new Query("/api/audit/competitions/" + a + "/rounds/preliminary/standings.csv", Caller.AUDITOR),
                new Query("/api/audit/competitions/" + a + "/shortlists.csv", Caller.AUDITOR),
                new Query("/api/audit/competitions/" + a + "/awards.csv", Caller.AUDITOR),
                new Query("/api/audit/competitions/" + a + "/jury-report.pdf", Caller.AUDITOR));
    }

    /** The whole corpus. */
    List<Hostile> all() {
        corpus.clear();
        for (Command command : commands()) {
            wrongCallers(command.path(), "POST", command.caller());
            if (command.bodyWithText() != null) {
                brokenBodies(command);
                hostileTexts(command);
            }
        }
        for (Query query : queries()) {
            wrongCallers(query.path(), "GET", query.caller());
        }
        badImports();
        crossSiteForms();
        absurdQueries();
        absurdNumbersAndTimes();
        anotherCompetitionsIds();
        pathTricks();
        forgedCredentials();
        operationsAndPublicPaths();
        badHeaders();
        malformedHttp();
        return List.copyOf(corpus);
    }

    /** Every caller the endpoint does not admit: anonymous (401), a forged token (401), a wrong role (403). */
    private void wrongCallers(String path, String method, Caller admitted) {
        String body = "POST".equals(method) ? "{}" : null;
        add("anonymous " + method + " " + path, method, path, Map.of(), body);
        add("forged bearer token on " + path, method, path, Map.of("Authorization", "Bearer jt_forged_" + path.length()),
                body);
        if (admitted == Caller.SIGNED_IN) {
            return;
        }
        Caller wrong = admitted == Caller.ORGANISER || admitted == Caller.AUDITOR ? Caller.JUROR : Caller.AUDITOR;
        add(wrong + " on " + method + " " + path, method, path, auth(wrong), body);
        if (admitted == Caller.ORGANISER) {
            add("auditor on " + method + " " + path, method, path, auth(Caller.AUDITOR), body);
        }
    }

    private void brokenBodies(Command command) {
        String path = command.path();
        Map<String, String> as = auth(command.caller());
        String valid = command.bodyWithText().apply("Fine text");
        add("unclosed JSON to " + path, "POST", path, as, valid.substring(0, valid.length() / 2));
        add("JSON array instead of object to " + path, "POST", path, as, "[1,2,3]");
        add("a bare string to " + path, "POST", path, as, "\"just a string\"");
        add("unknown field to " + path, "POST", path, as, valid.replaceFirst("\\{", "{\"definitelyNotAField\":1,"));
        add("an object where text belongs, to " + path, "POST", path, as,
                command.bodyWithText().apply("x").replace("\"x\"", "{\"nested\":true}"));
        add("10,000 nested arrays to " + path, "POST", path, as, "[".repeat(10_000) + "]".repeat(10_000));
        add("10,000 nested arrays where text belongs, to " + path, "POST", path, as,
                command.bodyWithText().apply("x").replace("\"x\"", "[".repeat(10_000) + "]".repeat(10_000)));
        add("plain text to " + path, "POST", path, withType(as, "text/plain"), valid.getBytes(StandardCharsets.UTF_8));
        add("no body to " + path, "POST", path, as, (byte[]) null);
        add("invalid UTF-8 to " + path, "POST", path, withType(as, "application/json"),
                bytes(command.bodyWithText().apply("AB"), "AB", new byte[]{(byte) 0xC3, (byte) 0x28}));
    }

    /** Text the ledger must refuse, in the endpoint's own free-text field. */
    private void hostileTexts(Command command) {
        String path = command.path();
        Map<String, String> as = auth(command.caller());
        add("lone surrogate in text to " + path, "POST", path, as, command.bodyWithText().apply("Paper " + LONE_SURROGATE));
        add("NUL in text to " + path, "POST", path, as, command.bodyWithText().apply("Paper\\u0000Moons"));
        add("right-to-left override in text to " + path, "POST", path, as,
                command.bodyWithText().apply("Paper \u202Evom.exe"));
        add("10,001 characters of text to " + path, "POST", path, as, command.bodyWithText().apply("x".repeat(10_001)));
    }

    private void badImports() {
        String path = "/api/competitions/" + a + "/submissions/import";
        Map<String, String> csv = withType(auth(Caller.ORGANISER), "text/csv");
        String header = "title,team,country,runtimeMinutes,synopsis,aiTools,aiWorkflow\n";
        add("CSV with an unterminated quote", "POST", path, csv, header + "\"Unclosed,Team,FR,10,x,y,HYBRID\n");
        add("CSV with a NUL in a title", "POST", path, csv, header + "Paper\u0000Moons,Team,FR,10,x,y,HYBRID\n");
        add("CSV with a right-to-left override", "POST", path, csv, header + "Paper\u202EMoons,Team,FR,10,x,y,HYBRID\n");
        add("CSV with an emoji id", "POST", path, csv, "id," + header + "\uD83C\uDFAC,Film,Team,FR,10,x,y,HYBRID\n");
        add("CSV with a zero-width id", "POST", path, csv, "id," + header + "film\u200B1,Film,Team,FR,10,x,y,HYBRID\n");
        add("CSV with an unknown column", "POST", path, csv, "title,secret\nFilm,x\n");
        add("CSV header only", "POST", path, csv, header);
        add("binary instead of CSV", "POST", path, csv, new byte[]{0, 1, 2, (byte) 0xFF, (byte) 0xFE});
        add("CSV with a runtime of 10^12", "POST", path, csv, header + "Film,Team,FR,1000000000000,x,y,HYBRID\n");
        add("CSV above the body limit", "POST", path, csv, header + "x".repeat(MAX_BODY));
        add("CSV under the body limit whose entries do not fit one commit", "POST", path, csv, header
                + ("Film with a title of some length,Li Wei;Ana Souza;Third Person,FR,10," + "A synopsis. ".repeat(25)
                + ",Runway;Suno;ComfyUI,HYBRID\n").repeat(19_999));
        add("JSON above the body limit", "POST", "/api/competitions/" + a + "/submissions", auth(Caller.ORGANISER),
                "{\"title\":\"" + "x".repeat(MAX_BODY) + "\"}");
        add("a body above the limit, chunked", "POST", "/api/competitions/" + a + "/jurors",
                Map.of("Authorization", authorization.get(Caller.ORGANISER), "Transfer-Encoding", "chunked",
                        "Content-Type", "application/json"), chunked(MAX_BODY + 1));
        add("a body above the limit on a path without a body", "POST", "/api/competitions/" + a + "/publication",
                auth(Caller.ORGANISER), "x".repeat(MAX_BODY + 1));
        add("a body above the limit, anonymous", "POST", "/api/competitions", Map.of(), "x".repeat(MAX_BODY + 1));
    }

    /**
     * What a page on another site can make a browser send, with the caller's own credentials: a form's body
     * (urlencoded, multipart, or text/plain carrying JSON or CSV), or nothing at all. Refused on every command.
     */
    private void crossSiteForms() {
        for (Command command : commands()) {
            String path = command.path();
            Map<String, String> as = new LinkedHashMap<>(auth(command.caller()));
            as.put("Origin", "https://evil.example");
            String valid = command.bodyWithText() == null ? "title\nForged" : command.bodyWithText().apply("Forged");
            add("a cross-site form, urlencoded, to " + path, "POST", path,
                    withType(as, "application/x-www-form-urlencoded"), "name=Forged&reason=forged");
            add("a cross-site form, multipart, to " + path, "POST", path, withType(as, "multipart/form-data; boundary=x"),
                    "--x\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nForged\r\n--x--\r\n");
            add("a cross-site form, text/plain with a valid body, to " + path, "POST", path,
                    withType(as, "text/plain;charset=UTF-8"), valid);
            add("a cross-site form, no body and no type, to " + path, "POST", path, as, (byte[]) null);
        }
    }

    private void absurdQueries() {
        String round = "/api/competitions/" + a + "/rounds/preliminary";
        Map<String, String> auditor = auth(Caller.AUDITOR);
        for (String query : List.of("limit=-1", "limit=0", "limit=1001", "limit=99999999999", "limit=abc",
                "from=0", "from=-5", "from=abc", "from=1e3", "since=yesterday", "until=2026-13-45T99:00:00Z",
                "minPosition=-1", "minPosition=abc", "minPosition=99999999999", "minPosition=1.5")) {
            add("events?" + query, "GET", "/api/audit/events?" + query, auditor, (byte[]) null);
        }
        for (String query : List.of("position=-1", "position=abc", "position=99999999999999999999", "top=0",
                "top=-3", "top=abc", "asOf=yesterday", "asOf=2026-04-20T10:00:00Z&position=3", "minPosition=-1",
                "minPosition=99999999999")) {
            add("standings?" + query, "GET", round + "/standings?" + query, auditor, (byte[]) null);
        }
        add("stream?top=abc", "GET", round + "/standings/stream?top=abc", auth(Caller.ORGANISER), (byte[]) null);
        for (String query : List.of("size=0", "size=-1", "size=abc", "position=-1", "position=abc")) {
            add("calibration?" + query, "GET", "/api/audit/competitions/" + a + "/rounds/preliminary/calibration?"
                    + query, auditor, (byte[]) null);
        }
        for (String query : List.of("position=-1", "position=abc", "position=99999999999999999999",
                "asOf=yesterday", "asOf=2026-04-20T10:00:00Z&position=3")) {
            add("standings.csv?" + query, "GET", "/api/audit/competitions/" + a + "/rounds/preliminary/standings.csv?"
                    + query, auditor, (byte[]) null);
        }
        for (String query : List.of("lang=fr", "lang=", "lang=..%2F..%2Fetc", "lang=zh-CN%00")) {
            add("jury-report.pdf?" + query, "GET", "/api/audit/competitions/" + a + "/jury-report.pdf?" + query,
                    auditor, (byte[]) null);
        }
        add("b's standings.csv for a round of a", "GET", "/api/audit/competitions/no-such-competition/rounds/"
                + "preliminary/standings.csv", auditor, (byte[]) null);
        add("the jury report of no competition", "GET", "/api/audit/competitions/no-such-competition/jury-report.pdf",
                auditor, (byte[]) null);
        for (String zone : List.of("Mars/Olympus_Mons", "..%2F..%2Fetc%2Fpasswd", "UTC%2B99")) {
            add("schedule?timeZone=" + zone, "GET", "/api/competitions/" + a + "/schedule?timeZone=" + zone, auditor,
                    (byte[]) null);
        }
        add("public schedule?timeZone=nowhere", "GET", "/api/public/competitions/" + a + "/schedule?timeZone=nowhere",
                Map.of(), (byte[]) null);
        // The transparency log's proofs: public, so only their parameters can be hostile.
        for (String query : List.of("position=-1&treeSize=1", "position=abc&treeSize=1", "position=1e3&treeSize=1",
                "position=99999999999999999999&treeSize=1", "position=1&treeSize=-1", "position=1&treeSize=abc",
                "position=1&treeSize=" + Long.MAX_VALUE, "position=" + Long.MAX_VALUE, "treeSize=1", "")) {
            add("inclusion proof?" + query, "GET", "/api/public/log/proof/inclusion?" + query, Map.of(), (byte[]) null);
        }
        for (String query : List.of("from=0&to=1", "from=-1&to=1", "from=abc&to=1", "from=2&to=1", "from=1&to=abc",
                "from=1&to=" + Long.MAX_VALUE, "from=" + Long.MIN_VALUE + "&to=1", "to=1", "from=1")) {
            add("consistency proof?" + query, "GET", "/api/public/log/proof/consistency?" + query, Map.of(),
                    (byte[]) null);
        }
        for (String position : List.of("abc", "-1", "0", "1.5", "99999999999999999999", String.valueOf(Long.MAX_VALUE))) {
            add("receipt " + position, "GET", "/api/receipts/" + position, auditor, (byte[]) null);
        }
        add("submissions?minPosition past the head", "GET", "/api/competitions/" + a + "/submissions?minPosition="
                + Long.MAX_VALUE, auditor, (byte[]) null);
    }

    /** Numbers and instants that JSON allows and no festival means (they once cost a heap, or broke the pages). */
    private void absurdNumbersAndTimes() {
        String c = "/api/competitions/" + a;
        Map<String, String> organiser = auth(Caller.ORGANISER);
        for (String bounds : List.of("\"min\":0,\"max\":1e999999999", "\"min\":1e999999999,\"max\":1",
                "\"min\":0,\"max\":10.0000001", "\"min\":-1e-999999999,\"max\":10")) {
            add("a criterion with " + bounds, "POST", "/api/competitions", organiser, "{\"name\":\"Big\",\"criteria\":"
                    + "[{\"id\":\"a\",\"name\":\"A\",\"weight\":1," + bounds + "}],\"rules\":{\"submissionDeadline\":"
                    + "\"2099-01-01T00:00:00Z\",\"maxRuntimeMinutes\":30}}");
        }
        for (String deadline : List.of("+1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "1066-10-14T09:00:00Z")) {
            add("a deadline of " + deadline, "POST", "/api/competitions", organiser, "{\"name\":\"Far\",\"criteria\":"
                    + "[{\"id\":\"a\",\"name\":\"A\",\"weight\":1,\"min\":0,\"max\":10}],\"rules\":"
                    + "{\"submissionDeadline\":\"" + deadline + "\",\"maxRuntimeMinutes\":30}}");
        }
        for (String mark : List.of("1e999999999", "-1e999999999", "8.0000001", "1e-999999999", "99999999999999999999")) {
            add("a mark of " + mark, "POST", c + "/rounds/preliminary/scores", auth(Caller.JUROR), "{\"submissionId\":\""
                    + entry + "\",\"marks\":{\"artistic-impact\":" + mark + ",\"thematic-expression\":7,"
                    + "\"innovative-ai-use\":9}}");
        }
        for (String time : List.of("+1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "10000-01-01T00:00:00Z")) {
            add("a screening at " + time, "POST", c + "/screenings", organiser, "{\"title\":\"Far\",\"venueId\":"
                    + "\"hall\",\"startsAt\":\"" + time + "\",\"submissionIds\":[\"" + entry + "\"]}");
            add("a session ending at " + time, "POST", c + "/forum-sessions", organiser, "{\"title\":\"Long\","
                    + "\"speakers\":[\"Lin Yue\"],\"venueId\":\"hall\",\"startsAt\":\"2027-05-01T10:00:00Z\","
                    + "\"endsAt\":\"" + time + "\"}");
            add("a screening moved to " + time, "POST", c + "/screenings/show-1/reschedule", organiser,
                    "{\"startsAt\":\"" + time + "\",\"reason\":\"later\"}");
            add("a session moved to " + time, "POST", c + "/forum-sessions/talk-1/reschedule", organiser,
                    "{\"startsAt\":\"" + time + "\",\"reason\":\"later\"}");
        }
        add("a runtime beyond an int", "POST", c + "/submissions", organiser, "{\"title\":\"T\",\"team\":[\"A\"],"
                + "\"country\":\"FR\",\"runtimeMinutes\":99999999999,\"aiDisclosure\":{\"tools\":[],"
                + "\"workflow\":\"HYBRID\"}}");
        add("a team of 10,000", "POST", c + "/submissions", organiser, "{\"title\":\"T\",\"team\":[" + "\"A\",".repeat(9_999)
                + "\"A\"],\"country\":\"FR\",\"runtimeMinutes\":9,\"aiDisclosure\":{\"tools\":[],\"workflow\":\"HYBRID\"}}");
        add("a number of 2,000 digits", "POST", c + "/rounds/preliminary/scores", auth(Caller.JUROR),
                "{\"submissionId\":\"" + entry + "\",\"marks\":{\"artistic-impact\":" + "9".repeat(2_000) + "}}");
    }

    private void anotherCompetitionsIds() {
        String c = "/api/competitions/" + a;
        String round = c + "/rounds/preliminary";
        Map<String, String> organiser = auth(Caller.ORGANISER);
        add("an entry of b read through a", "GET", c + "/submissions/" + entryOfB, auth(Caller.AUDITOR), (byte[]) null);
        add("an entry of b withdrawn through a", "POST", c + "/submissions/" + entryOfB + "/withdrawal", organiser,
                reason("wrong door"));
        add("an entry of b ruled through a", "POST", c + "/submissions/" + entryOfB + "/ineligibility", organiser,
                reason("wrong door"));
        add("b's juror scoring in a", "POST", round + "/scores", auth(Caller.JUROR_OF_B), "{\"submissionId\":\""
                + entry + "\",\"marks\":{\"artistic-impact\":8,\"thematic-expression\":7,\"innovative-ai-use\":9}}");
        add("b's juror reading a's list", "GET", round + "/assignments/mine", auth(Caller.JUROR_OF_B), (byte[]) null);
        add("b's juror declaring a conflict in a", "POST", c + "/jurors/juror-1/conflicts", auth(Caller.JUROR_OF_B),
                "{\"submissionId\":\"" + entry + "\",\"reason\":\"knows them\"}");
        add("a's juror declaring for another juror", "POST", c + "/jurors/juror-2/conflicts", auth(Caller.JUROR),
                "{\"submissionId\":\"" + entry + "\",\"reason\":\"knows them\"}");
        add("scoring b's entry in a", "POST", round + "/scores", auth(Caller.JUROR), "{\"submissionId\":\""
                + entryOfB + "\",\"marks\":{\"artistic-impact\":8,\"thematic-expression\":7,\"innovative-ai-use\":9}}");
        add("assigning b's entry in a", "POST", round + "/assignments", organiser, "{\"jurorId\":\"juror-1\","
                + "\"submissionId\":\"" + entryOfB + "\"}");
        add("an award in a for b's entry", "POST", c + "/awards", organiser, "{\"categoryId\":\"best-film\","
                + "\"submissionId\":\"" + entryOfB + "\",\"citation\":\"stolen\"}");
        add("screening b's entry in a", "POST", c + "/screenings", organiser, "{\"title\":\"Borrowed\",\"venueId\":"
                + "\"hall\",\"startsAt\":\"2027-04-22T10:00:00Z\",\"submissionIds\":[\"" + entryOfB + "\"]}");
        add("a round in a taking b's shortlist", "POST", c + "/rounds", organiser, "{\"id\":\"final\",\"name\":\"F\","
                + "\"jurorsPerEntry\":1,\"aggregation\":\"MEAN\",\"minScoresPerEntry\":1,\"entries\":"
                + "\"SHORTLIST_OF:no-such-round\"}");
        add("b's calibration for a's round", "GET", "/api/audit/competitions/" + b + "/rounds/preliminary/calibration",
                auth(Caller.AUDITOR), (byte[]) null);
        add("a venue of a read through b", "GET", "/api/competitions/" + b + "/venues/hall", auth(Caller.AUDITOR),
                (byte[]) null);
        add("a screening of a moved through b", "POST", "/api/competitions/" + b + "/screenings/show-1/reschedule",
                organiser, reason("wrong door"));
        add("an unknown competition's submissions", "GET", "/api/competitions/no-such-competition/submissions",
                auth(Caller.AUDITOR), (byte[]) null);
        add("publishing an unknown competition", "POST", "/api/competitions/no-such-competition/publication",
                organiser, (byte[]) null);
        add("closing an unknown round", "POST", c + "/rounds/no-such-round/close", organiser, (byte[]) null);
        for (String id : List.of("%F0%9F%8E%AC", "film%E2%80%8B1", "film%E2%80%AE1", "%EF%BB%BF", "%C2%A0")) {
            add("unicode id " + id + " in a path", "GET", c + "/submissions/" + id, auth(Caller.AUDITOR), (byte[]) null);
            add("unicode id " + id + " withdrawn", "POST", c + "/submissions/" + id + "/withdrawal", organiser,
                    reason("gone"));
        }
        for (String id : List.of("\\ud83c\\udfac", "film\\u200b1", "film\\u202e1", "..", "a/b", "x".repeat(65))) {
            add("client id '" + id + "' for an entry", "POST", c + "/submissions", organiser, "{\"id\":\"" + id
                    + "\",\"title\":\"T\",\"team\":[\"A\"],\"country\":\"FR\",\"runtimeMinutes\":9,"
                    + "\"aiDisclosure\":{\"tools\":[],\"workflow\":\"HYBRID\"}}");
            add("client id '" + id + "' for a competition", "POST", "/api/competitions", organiser, "{\"id\":\"" + id
                    + "\",\"name\":\"N\"}");
        }
    }

    private void pathTricks() {
        Map<String, String> auditor = auth(Caller.AUDITOR);
        String c = "/api/competitions/" + a;
        for (String path : List.of(c + "/submissions/..%2F..%2F" + b, c + "/submissions/%2e%2e/%2e%2e/" + b,
                c + "/../" + b + "/submissions", "/api/competitions/%2e%2e/audit/verification",
                "/api/public/competitions/" + a + "/schedule.ics/../../../../audit/verification",
                "/api/audit/entities/..%2F..%2Fhead/history", "/api/audit/entities/%2e%2e/history",
                c + "/submissions/%252e%252e", c + ";jsessionid=abc/submissions", "//api/competitions",
                c + "/submissions/%00", c + "/submissions/%5C..%5C", c + "/submissions/%ED%A0%80",
                "/api/public/competitions/" + a + "/results/%2e%2e%2f%2e%2e%2faudit", "/api/audit/nothing-here",
                "/api/public/nothing-here", "/nothing-here")) {
            add("path " + path, "GET", path, auditor, (byte[]) null);
        }
        add("unmapped method on a collection", "PUT", "/api/competitions", auth(Caller.ORGANISER), "{}");
        add("unmapped method on an entry", "DELETE", c + "/submissions/" + entry, auth(Caller.ORGANISER), (byte[]) null);
        add("TRACE", "TRACE", "/api/audit/head", Map.of(), (byte[]) null);
        add("an invented method", "BREW", "/api/audit/head", Map.of(), (byte[]) null);
    }

    private void forgedCredentials() {
        String path = "/api/competitions/" + a + "/submissions";
        for (String header : List.of("Basic !!!not-base64!!!", "Basic " + base64("organiser"),
                "Basic " + base64("organiser:wrong"), "Basic " + base64("nobody:organiser-demo"),
                "Basic " + base64("organiser:" + "x".repeat(100)), "Basic ", "Basic", "Bearer", "Bearer ",
                "Bearer jt_" + "A".repeat(43), "Bearer " + "x".repeat(6_000), "Bearer \u00e9t\u00e9",
                "Digest username=\"organiser\"", "bearer jt_lowercase_scheme", "Basic " + base64("organiser:organiser-demo")
                        + ", Bearer jt_forged")) {
            add("Authorization: " + (header.length() > 60 ? header.substring(0, 60) + "…" : header), "GET", path,
                    Map.of("Authorization", header), (byte[]) null);
        }
    }

    /**
     * The operations endpoints answer GET (and HEAD) only, and only what is opened; the public paths are read-only
     * and refuse a body before reading it.
     */
    private void operationsAndPublicPaths() {
        Map<String, String> auditor = auth(Caller.AUDITOR);
        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/prometheus",
                "/v3/api-docs", "/actuator/env", "/actuator/shutdown", "/actuator/beans", "/actuator/loggers/ROOT")) {
            add("POST " + path + " anonymously", "POST", path, Map.of(), "{\"configuredLevel\":\"TRACE\"}");
            add("POST " + path + " as the auditor", "POST", path, auditor, "{\"configuredLevel\":\"TRACE\"}");
            add("DELETE " + path, "DELETE", path, auditor, (byte[]) null);
        }
        for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/threaddump",
                "/actuator/configprops", "/actuator/mappings", "/actuator", "/actuator/health/..%2f..%2fenv")) {
            add("GET " + path + " as the auditor", "GET", path, auditor, (byte[]) null);
        }
        add("GET /actuator/prometheus with a forged password", "GET", "/actuator/prometheus",
                Map.of("Authorization", "Basic " + base64("auditor:forged")), (byte[]) null);
        String results = "/api/public/competitions/" + a + "/results";
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
            add(method + " on a public path", method, results, Map.of("Idempotency-Key", "public-" + method),
                    "{\"x\":\"" + "y".repeat(100_000) + "\"}");
        }
    }

    private void badHeaders() {
        String path = "/api/competitions/" + a + "/jurors";
        Map<String, String> organiser = auth(Caller.ORGANISER);
        for (String key : List.of("has space", "x".repeat(201), "caf\u00e9", "")) {
            add("Idempotency-Key '" + (key.length() > 20 ? key.substring(0, 20) + "…" : key) + "'", "POST", path,
                    with(organiser, "Idempotency-Key", key), "{\"name\":\"Jia Zhangke\",\"unknown\":1}");
        }
        add("X-Reason larger than a header may be", "POST", "/api/competitions/" + a + "/rounds/preliminary/close",
                with(organiser, "X-Reason", "r".repeat(10_001)), (byte[]) null);
        add("X-Correlation-Id larger than a header may be", "POST", path,
                with(organiser, "X-Correlation-Id", "c".repeat(10_001)), "{\"name\":\"Jia\",\"unknown\":1}");
        add("Accept: application/xml", "GET", "/api/competitions/" + a + "/submissions",
                with(auth(Caller.AUDITOR), "Accept", "application/xml"), (byte[]) null);
        add("Content-Type: application/xml", "POST", path, withType(organiser, "application/xml"),
                "<juror><name>Jia</name></juror>");
        add("Content-Type with a bogus charset", "POST", path, withType(organiser, "application/json;charset=klingon"),
                "{\"name\":\"Jia\",\"unknown\":1}");
    }

    private void malformedHttp() {
        String c = "/api/competitions/" + a;
        rawLine("a space in the URL", "GET " + c + "/sub missions HTTP/1.1");
        rawLine("raw non-ASCII in the URL", "GET " + c + "/submissions/caf\u00e9 HTTP/1.1");
        rawLine("a brace in the URL", "GET " + c + "/submissions/{id} HTTP/1.1");
        rawLine("a broken percent-escape", "GET " + c + "/submissions/%zz HTTP/1.1");
        rawLine("an encoded slash", "GET " + c + "%2Fsubmissions HTTP/1.1");
        rawLine("HTTP/2.0 on an HTTP/1.1 connection", "GET /api/audit/head HTTP/2.0");
        rawLine("HTTP/1.2", "GET /api/audit/head HTTP/1.2");
        rawLine("an absolute URL for another host", "GET http://evil.example/api/audit/head HTTP/1.1");
        rawLine("a URL longer than the server reads", "GET " + c + "/submissions/" + "a".repeat(20_000) + " HTTP/1.1");
        rawHead("no Host header", "GET /api/audit/head HTTP/1.1\r\nConnection: close\r\n\r\n");
        rawHead("a header line without a colon", "GET /api/audit/head HTTP/1.1\r\nHost: x\r\nBroken line\r\n"
                + "Connection: close\r\n\r\n");
        rawHead("a header larger than the server reads", "GET /api/audit/head HTTP/1.1\r\nHost: x\r\nX-Big: "
                + "b".repeat(20_000) + "\r\nConnection: close\r\n\r\n");
        rawHead("a Content-Length that is not a number", "POST /api/competitions HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: lots\r\nConnection: close\r\n\r\n");
        rawHead("two different Content-Lengths", "POST /api/competitions HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                + "Content-Length: 3\r\nConnection: close\r\n\r\n{}");
        rawHead("an unknown transfer coding", "POST /api/competitions HTTP/1.1\r\nHost: x\r\n"
                + "Transfer-Encoding: gzip\r\nConnection: close\r\n\r\n");
        rawHead("a CONNECT tunnel", "CONNECT localhost:443 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        rawHead("a broken chunk", "POST /api/competitions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                + "Authorization: " + authorization.get(Caller.ORGANISER) + "\r\nContent-Type: application/json\r\n"
                + "Connection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
        rawHead("an unknown expectation", "POST /api/competitions HTTP/1.1\r\nHost: x\r\nExpect: 999-nope\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
    }

    // ---- building requests ----

    private void add(String what, String method, String target, Map<String, String> headers, String body) {
        add(what, method, target, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private void add(String what, String method, String target, Map<String, String> headers, byte[] body) {
        Map<String, String> all = new LinkedHashMap<>();
        if (body != null && !headers.containsKey("Content-Type") && !headers.containsKey("Transfer-Encoding")) {
            all.put("Content-Type", "application/json");
        }
        all.putAll(headers);
        corpus.add(new Hostile(what, method, target, all, body));
    }

    private void rawLine(String what, String requestLine) {
        rawHead(what, requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    /** A request written exactly as given (the target {@code null} marks it as raw). */
    private void rawHead(String what, String head) {
        corpus.add(new Hostile(what, null, null, Map.of(), head.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private Map<String, String> auth(Caller caller) {
        String header = authorization.get(caller);
        return header == null ? Map.of() : Map.of("Authorization", header);
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return all;
    }

    private static Map<String, String> withType(Map<String, String> headers, String contentType) {
        return with(headers, "Content-Type", contentType);
    }

    private static String reason(String text) {
        return "{\"reason\":\"" + text + "\"}";
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code body} with the bytes of {@code marker} replaced by {@code replacement} (to plant invalid UTF-8). */
    private static byte[] bytes(String body, String marker, byte[] replacement) {
        int at = body.indexOf(marker);
        byte[] before = body.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] after = body.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[before.length + replacement.length + after.length];
        System.arraycopy(before, 0, all, 0, before.length);
        System.arraycopy(replacement, 0, all, before.length, replacement.length);
        System.arraycopy(after, 0, all, before.length + replacement.length, after.length);
        return all;
    }

    /** A chunked body of {@code size} spaces, in 64 KiB chunks. */
    private static byte[] chunked(int size) {
        StringBuilder body = new StringBuilder(size + size / 8);
        String chunk = " ".repeat(65_536);
        int left = size;
        while (left > 0) {
            int n = Math.min(left, chunk.length());
            body.append(Integer.toHexString(n)).append("\r\n").append(chunk, 0, n).append("\r\n");
            left -= n;
        }
        return body.append("0\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
