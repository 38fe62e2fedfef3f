package org.festivalledger.entrant;

import jakarta.servlet.http.HttpServletRequest;
import org.festivalledger.http.ClientAddress;
import org.festivalledger.http.CommandDispatch.Recorded;
import org.festivalledger.http.LedgerPositionHeader;
import org.festivalledger.identity.EntrantIdentity;
import org.festivalledger.language.PageLanguage;
import org.festivalledger.rules.InvalidInput;
import org.festivalledger.submission.AiDisclosure;
import org.festivalledger.submission.Entry;
import org.festivalledger.submission.EntryChanges;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Entrants' own API: a sign-in link by email, a bearer token for the link, their entries (sent, amended, withdrawn,
 * listed with their status and the ledger positions of their own events, whose receipts they may fetch).
 */
@RestController
class EntrantController {

    private final EntrantSignInRequests signIns;
    private final EntrantSignInLinks links;
    private final EntrantTokens tokens;
    private final EntrantDirectory directory;
    private final EntrantEntries entries;
    private final EntrantEntryList list;
    private final EntrantErasure erasure;

    EntrantController(EntrantSignInRequests signIns, EntrantSignInLinks links, EntrantTokens tokens,
                      EntrantDirectory directory, EntrantEntries entries, EntrantEntryList list,
                      EntrantErasure erasure) {
        this.erasure = erasure;
        this.signIns = signIns;
        this.links = links;
        this.tokens = tokens;
        this.directory = directory;
        this.entries = entries;
        this.list = list;
    }

    /** The address and the language the entrant reads ({@code zh-CN} or {@code en}). */
    record SignInLinkRequest(String email, String language) {
    }

    @PostMapping(path = "/api/entrants/sign-in-links", consumes = "application/json")
    ResponseEntity<Map<String, String>> signInLink(@RequestBody SignInLinkRequest request,
                                                   HttpServletRequest http) {
        signIns.ask(request.email(), request.language(),
                PageLanguage.fromAcceptLanguage(http.getHeader("Accept-Language")),
                ClientAddress.of(http.getRemoteAddr()), ServletUriComponentsBuilder.fromContextPath(http).build().toUri());
        return ResponseEntity.accepted().body(Map.of("status",
                "if this address can receive mail, a sign-in link is on its way; it works once"));
    }

    /** The emailed link's secret ({@code el_…}, the {@code link} parameter of the link). */
    record SessionRequest(String link) {
    }

    record SessionAnswer(String token, Instant expiresAt) {
    }

    /** Exchanges an emailed sign-in link (once) for a bearer token for the API. */
    @PostMapping(path = "/api/entrants/sessions", consumes = "application/json")
    ResponseEntity<Object> session(@RequestBody SessionRequest request) {
        if (request.link() == null || request.link().isBlank()) {
            throw InvalidInput.of("link", "is required");
        }
        return links.take(request.link()).flatMap(directory::find).filter(entrant -> !entrant.erased())
                .<ResponseEntity<Object>>map(entrant -> {
                    EntrantTokens.Issued issued = tokens.issue(entrant.id());
                    return ResponseEntity.status(HttpStatus.CREATED).body(
                            new SessionAnswer(issued.token(), issued.expiresAt()));
                })
                .orElseGet(() -> {
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                            "this sign-in link is not valid: it was used already, it has expired, or it was never"
                                    + " issued; ask for a new one");
                    problem.setTitle("Authentication required");
                    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                            .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
                });
    }

    /** An entry as an entrant sends it: the organiser's body without an id (the server chooses it). */
    record EntryRequest(String title, List<String> team, String country, Integer runtimeMinutes, String synopsis,
                        AiDisclosure aiDisclosure) {

        Entry entry() {
            return new Entry(title, team, country, runtimeMinutes == null ? 0 : runtimeMinutes, synopsis, aiDisclosure);
        }

        EntryChanges changes() {
            return new EntryChanges(title, team, country, runtimeMinutes, synopsis, aiDisclosure);
        }
    }

    record ReasonRequest(String reason) {
    }

    @PostMapping(path = "/api/competitions/{competitionId}/entries", consumes = "application/json")
    ResponseEntity<Map<String, String>> submit(@PathVariable String competitionId, @RequestBody EntryRequest request,
                                               Authentication authentication) {
        EntrantEntries.Submitted submitted = entries.submit(competitionId, entrant(authentication), request.entry());
        return ResponseEntity.created(URI.create("/api/competitions/" + competitionId + "/entries/" + submitted.id()))
                .header(LedgerPositionHeader.NAME, Long.toString(submitted.position()))
                .body(Map.of("id", submitted.id()));
    }

    /** Only the fields given change; the amended entry must meet every rule, and the call must still be open. */
    @PostMapping(path = "/api/competitions/{competitionId}/entries/{submissionId}/amendment",
            consumes = "application/json")
    ResponseEntity<Map<String, String>> amend(@PathVariable String competitionId, @PathVariable String submissionId,
                                              @RequestBody EntryRequest request, Authentication authentication) {
        Recorded recorded = entries.amend(competitionId, submissionId, entrant(authentication), request.changes());
        return ResponseEntity.ok().header(LedgerPositionHeader.NAME, Long.toString(recorded.position()))
                .body(Map.of("id", submissionId, "status", "RECEIVED"));
    }

    @PostMapping(path = "/api/competitions/{competitionId}/entries/{submissionId}/withdrawal",
            consumes = "application/json")
    ResponseEntity<Map<String, String>> withdraw(@PathVariable String competitionId, @PathVariable String submissionId,
                                                 @RequestBody ReasonRequest request, Authentication authentication) {
        Recorded recorded = entries.withdraw(competitionId, submissionId, entrant(authentication), request.reason());
        return ResponseEntity.ok().header(LedgerPositionHeader.NAME, Long.toString(recorded.position()))
                .body(Map.of("id", submissionId, "status", "WITHDRAWN"));
    }

    @GetMapping("/api/entrants/me/entries")
    List<EntrantEntryList.OwnEntry> mine(Authentication authentication) {
        return list.of(entrant(authentication));
    }

    /** Erases the entrant's contact data; their token stops working with it. The ledger stays as it is. */
    @PostMapping("/api/entrants/me/erasure")
    ResponseEntity<Map<String, String>> erase(Authentication authentication) {
        String entrantId = entrant(authentication);
        erasure.erase(entrantId);
        return ResponseEntity.ok(Map.of("id", entrantId, "status", "ERASED"));
    }

    private static String entrant(Authentication authentication) {
        return ((EntrantIdentity) authentication.getPrincipal()).entrantId();
    }
}
