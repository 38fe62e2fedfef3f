package org.festivalledger.operations;

import org.springframework.util.AntPathMatcher;

import java.util.List;
import java.util.Optional;

/**
 * Who may call each API endpoint, as the API description tells it ({@code x-roles} on every operation). The rules
 * are enforced by {@code SecurityConfiguration}; this table restates them for readers of the description, in the
 * same order, and {@code RoleMatrixTest} checks the two against each other (every endpoint of the matrix, called as
 * every kind of caller, against the roles described here), so the description cannot drift from what is enforced.
 */
final class EndpointRoles {

    static final String ANYONE = "anyone";
    static final String SIGNED_IN = "signed-in";
    static final String ORGANISER = "organiser";
    static final String AUDITOR = "auditor";
    static final String JUROR = "juror";
    static final String ENTRANT = "entrant";
    /** Whoever's name the event's metadata carries as its actor (any role), besides the roles listed with it. */
    static final String ACTOR = "actor";

    private record Rule(String method, List<String> roles, List<String> patterns) {
    }

    private static final String C = "/api/competitions/*";
    private static final List<Rule> RULES = List.of(
            rule(null, List.of(ANYONE), "/api/public/**"),
            rule("POST", List.of(ANYONE), "/api/entrants/sign-in-links", "/api/entrants/sessions"),
            rule("POST", List.of(ENTRANT), C + "/entries", C + "/entries/*/amendment", C + "/entries/*/withdrawal"),
            rule("GET", List.of(ENTRANT), "/api/entrants/me/entries"),
            rule("POST", List.of(ENTRANT), "/api/entrants/me/erasure"),
            rule("GET", List.of(ORGANISER), C + "/submissions/*/notifications"),
            rule("POST", List.of(ORGANISER), "/api/notifications/*/resend"),
            rule("GET", List.of(ANYONE), "/api/audit/head"),
            rule("POST", List.of(ORGANISER), C + "/venues", C + "/screenings", C + "/screenings/*/reschedule",
                    C + "/screenings/*/cancellation", C + "/forum-sessions", C + "/forum-sessions/*/reschedule",
                    C + "/forum-sessions/*/cancellation"),
            rule("GET", List.of(ORGANISER, AUDITOR), C + "/venues", C + "/venues/*", C + "/screenings/*",
                    C + "/forum-sessions/*", C + "/schedule"),
            rule("GET", List.of(SIGNED_IN), "/api/competitions", C),
            rule("GET", List.of(ORGANISER, AUDITOR), C + "/submissions", C + "/submissions/*"),
            rule("POST", List.of(ORGANISER), "/api/competitions", C + "/submissions", C + "/submissions/import",
                    C + "/submissions/*/withdrawal", C + "/submissions/*/ineligibility"),
            rule("POST", List.of(ORGANISER), C + "/jurors", C + "/rounds", C + "/rounds/*/assignments",
                    C + "/rounds/*/close", C + "/jurors/*/access", C + "/jurors/*/access/revocation"),
            rule("GET", List.of(ORGANISER, AUDITOR), C + "/jurors", C + "/rounds", C + "/rounds/*",
                    C + "/rounds/*/assignments", C + "/rounds/*/standings"),
            rule("GET", List.of(ORGANISER), C + "/rounds/*/standings/stream"),
            rule("POST", List.of(ORGANISER, JUROR), C + "/jurors/*/conflicts"),
            rule("GET", List.of(JUROR), C + "/rounds/*/assignments/mine"),
            rule("POST", List.of(JUROR), C + "/rounds/*/scores"),
            rule("POST", List.of(ORGANISER), C + "/rounds/*/shortlist", C + "/awards", C + "/awards/*/revocation",
                    C + "/publication"),
            rule("GET", List.of(ORGANISER, AUDITOR), C + "/rounds/*/shortlist", C + "/awards"),
            rule("POST", List.of(ORGANISER, AUDITOR), "/api/audit/rebuild-check"),
            rule("GET", List.of(ACTOR, AUDITOR), "/api/receipts/*"),
            rule("GET", List.of(ORGANISER, AUDITOR), "/api/audit/competitions/*/rounds/*/standings.csv"),
            rule(null, List.of(AUDITOR), "/api/audit/**"));

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private EndpointRoles() {
    }

    /** The roles admitted to {@code method} on {@code path} (an OpenAPI path template); empty if none is listed. */
    static Optional<List<String>> of(String method, String path) {
        String concrete = path.replaceAll("\\{[^}]+}", "x");
        return RULES.stream()
                .filter(rule -> rule.method() == null || rule.method().equalsIgnoreCase(method)
                        || ("HEAD".equalsIgnoreCase(method) && "GET".equals(rule.method())))
                .filter(rule -> rule.patterns().stream().anyMatch(pattern -> PATHS.match(pattern, concrete)))
                .map(Rule::roles).findFirst();
    }

    private static Rule rule(String method, List<String> roles, String... patterns) {
        return new Rule(method, roles, List.of(patterns));
    }
}
