package org.festivalledger.results;

import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.competition.CompetitionView;
import org.festivalledger.programme.ProgrammeSchedule;
import org.festivalledger.programme.Schedule;
import org.festivalledger.transparency.SignedCheckpoint;
import org.festivalledger.transparency.TransparencyLog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/**
 * The public results page, rendered on the server so it reads without JavaScript: the list of competitions at
 * {@code /}, and each competition's awards, shortlists and public schedule at {@code /competitions/{id}}.
 */
@Controller
class ResultsPage {

    private final PublicResults results;
    private final ProgrammeSchedule programme;
    private final TransparencyLog transparencyLog;
    private final String verifierKey;
    // Publication position → the checkpoint signed there: it never changes once signed.
    private final Map<Long, SignedCheckpoint> publicationCheckpoints = new ConcurrentHashMap<>();

    ResultsPage(PublicResults results, ProgrammeSchedule programme, TransparencyLog transparencyLog) {
        this.results = results;
        this.programme = programme;
        this.transparencyLog = transparencyLog;
        this.verifierKey = transparencyLog.verifierKey().toString();
    }

    private Optional<SignedCheckpoint> checkpointAt(long position) {
        SignedCheckpoint known = publicationCheckpoints.get(position);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<SignedCheckpoint> signed = transparencyLog.checkpointAt(position);
        signed.ifPresent(checkpoint -> publicationCheckpoints.put(position, checkpoint));
        return signed;
    }

    @GetMapping("/")
    String competitions(Model model) {
        model.addAttribute("competitions", results.competitions());
        return "public/competitions";
    }

    @GetMapping("/competitions/{competitionId}")
    String competition(@PathVariable String competitionId, Model model, HttpServletResponse response) {
        Optional<CompetitionView> found = results.competition(competitionId);
        if (found.isEmpty()) {
            // Rendered here rather than thrown: the API's problem handler would answer a browser with JSON.
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("status", HttpStatus.NOT_FOUND.value());
            return "error";
        }
        CompetitionView competition = found.get();
        Optional<PublishedResults> published = results.of(competitionId);
        model.addAttribute("competition", competition);
        model.addAttribute("results", published.orElse(null));
        // The public programme is public from the moment it is scheduled, embargo or not.
        Schedule schedule = programme.publicSchedule(competitionId);
        model.addAttribute("schedule", schedule.days().isEmpty() ? null : schedule);
        model.addAttribute("zone", ZoneId.of(schedule.timeZone()));
        // The digest published with each publication: the log's signed checkpoint at the publication's own
        // position, which later events never change; anyone can check an export or a receipt against it. Kept once
        // found: a crowd at the ceremony must not read the store (nor wait on the log) once per page view.
        model.addAttribute("checkpoints", published.map(PublishedResults::publications).orElse(List.of()).stream()
                .flatMap(publication -> checkpointAt(publication.position())
                        .map(checkpoint -> new PublishedCheckpoint(publication.publishedAt(), checkpoint)).stream())
                .toList());
        model.addAttribute("verifierKey", verifierKey);
        return "public/competition";
    }

    /** A publication's digest: when it was made, and the checkpoint signed at its position. */
    public record PublishedCheckpoint(Instant publishedAt, SignedCheckpoint checkpoint) {
    }
}
