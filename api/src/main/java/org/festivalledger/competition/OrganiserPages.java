package org.festivalledger.competition;

import org.festivalledger.award.AwardDecisions;
import org.festivalledger.award.AwardIdTaken;
import org.festivalledger.award.CategoryAlreadyAwarded;
import org.festivalledger.award.UnknownAwardCategory;
import org.festivalledger.language.FormRefusal;
import org.festivalledger.language.Refusals;
import org.festivalledger.round.RoundSummaries;
import org.festivalledger.publication.ResultsPublication;
import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.http.ProjectionProgress;
import org.festivalledger.programme.ProgrammeSchedule;
import org.festivalledger.results.Embargo;
import org.festivalledger.rules.InvalidInput;
import org.festivalledger.rules.RuleViolation;
import org.festivalledger.rules.StateConflict;
import org.festivalledger.rules.UnknownEntity;
import org.festivalledger.standings.JudgingBoard;
import org.festivalledger.standings.JudgingRecord;
import org.festivalledger.submission.SubmissionRegister;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The organiser's pages around a competition: sign-in, the competitions, one competition's rounds and awards
 * (conferring one, publishing the results), and its schedule with warnings.
 */
@Controller
class OrganiserPages {

    private final CompetitionCatalogue catalogue;
    private final JudgingBoard board;
    private final SubmissionRegister register;
    private final ProgrammeSchedule programme;
    private final AwardDecisions awards;
    private final ResultsPublication publication;
    private final ProjectionProgress progress;
    private final RoundSummaries rounds;
    private final Refusals refusals;

    OrganiserPages(CompetitionCatalogue catalogue, JudgingBoard board, SubmissionRegister register,
                   ProgrammeSchedule programme, AwardDecisions awards, ResultsPublication publication,
                   ProjectionProgress progress, RoundSummaries rounds, Refusals refusals) {
        this.catalogue = catalogue;
        this.board = board;
        this.register = register;
        this.programme = programme;
        this.awards = awards;
        this.publication = publication;
        this.progress = progress;
        this.rounds = rounds;
        this.refusals = refusals;
    }

    /** An award as the overview lists it, with the film's title. */
    record AwardLine(String awardId, String categoryId, String submissionId, String title, String citation,
                     boolean revoked, String revocationReason) {
    }

    /** Who the masthead says is signed in, on every page of this controller. */
    @ModelAttribute("signedInAs")
    String signedInAs(Authentication authentication) {
        return authentication == null ? null : authentication.getName();
    }

    @GetMapping("/organiser/login")
    String login() {
        return "organiser/login";
    }

    @GetMapping("/organiser")
    String competitions(Model model) {
        model.addAttribute("competitions", catalogue.all());
        return "organiser/competitions";
    }

    @GetMapping("/organiser/competitions/{competitionId}")
    String competition(@PathVariable String competitionId, HttpServletResponse response, Model model) {
        return show(competitionId, null, Map.of(), null, response, model);
    }

    @PostMapping("/organiser/competitions/{competitionId}/awards")
    String confer(@PathVariable String competitionId, @RequestParam Map<String, String> form,
                  HttpServletResponse response, Model model) {
        try {
            settle(awards.confer(competitionId, UUID.randomUUID().toString(), form.get("categoryId"),
                    form.getOrDefault("submissionId", "").strip(), form.getOrDefault("citation", "").strip())
                    .ledgerPosition());
            return "redirect:/organiser/competitions/" + competitionId + "?conferred";
        } catch (InvalidInput | RuleViolation | StateConflict | UnknownEntity refused) {
            return show(competitionId, "confer", form, FormRefusal.of(refusals, refused,
                    field -> switch (field) {
                        case "categoryId", "submissionId", "citation" -> field;
                        default -> null;
                    }, rule -> rule instanceof CategoryAlreadyAwarded || rule instanceof UnknownAwardCategory
                            ? "categoryId" : rule instanceof AwardIdTaken ? null : "submissionId"), response, model);
        }
    }

    @PostMapping("/organiser/competitions/{competitionId}/awards/{awardId}/revocation")
    String revoke(@PathVariable String competitionId, @PathVariable String awardId,
                  @RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        String input = "revoke-reason-" + awardId;
        try {
            settle(awards.revoke(competitionId, awardId, form.getOrDefault("reason", "").strip()).position());
            return "redirect:/organiser/competitions/" + competitionId + "?revoked";
        } catch (InvalidInput | RuleViolation | StateConflict | UnknownEntity refused) {
            return show(competitionId, "revoke-" + awardId, form, FormRefusal.of(refusals, refused,
                    field -> "reason".equals(field) ? input : null, rule -> input), response, model);
        }
    }

    @PostMapping("/organiser/competitions/{competitionId}/publication")
    String publish(@PathVariable String competitionId, @RequestParam Map<String, String> form,
                   HttpServletResponse response, Model model) {
        try {
            settle(publication.publish(competitionId).position());
            return "redirect:/organiser/competitions/" + competitionId + "?published";
        } catch (RuleViolation | StateConflict | UnknownEntity refused) {
            return show(competitionId, "publish", form, FormRefusal.of(refusals, refused, field -> null,
                    rule -> null), response, model);
        }
    }

    @GetMapping("/organiser/competitions/{competitionId}/schedule")
    String schedule(@PathVariable String competitionId, HttpServletResponse response, Model model) {
        CompetitionView competition = catalogue.find(competitionId).orElse(null);
        if (competition == null) {
            return notFound(response, model);
        }
        model.addAttribute("competition", competition);
        model.addAttribute("schedule", programme.organiserSchedule(competitionId, programme.festivalZone()));
        model.addAttribute("zone", programme.festivalZone());
        return "organiser/schedule";
    }

    private String show(String competitionId, String failed, Map<String, String> typed, FormRefusal refusal,
                        HttpServletResponse response, Model model) {
        CompetitionView competition = catalogue.find(competitionId).orElse(null);
        if (competition == null) {
            return notFound(response, model);
        }
        if (refusal != null) {
            response.setStatus(refusal.status().value());
        }
        model.addAttribute("competition", competition);
        model.addAttribute("rounds", rounds.of(competitionId));
        model.addAttribute("awards", board.read(competitionId, record -> List.copyOf(record.awards()))
                .orElse(List.of()).stream().map(this::line).toList());
        model.addAttribute("published", board.read(competitionId, Embargo::everPublished).orElse(false));
        model.addAttribute("awaitingPublication", board.read(competitionId, Embargo::awaitingPublication).orElse(0L));
        model.addAttribute("failed", failed);
        model.addAttribute("values", typed);
        model.addAttribute("problems", refusal == null ? Map.of() : refusal.problems());
        return "organiser/competition";
    }

    private AwardLine line(JudgingRecord.Award award) {
        String entry = award.conferral().submissionId();
        return new AwardLine(award.conferral().awardId(), award.conferral().categoryId(), entry,
                register.find(entry).map(view -> view.title()).orElse(entry), award.conferral().citation(),
                award.revoked(), award.revocationReason());
    }

    private static String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("status", 404);
        return "error";
    }

    private void settle(long position) {
        progress.awaitPosition(position, Duration.ofSeconds(5));
    }
}
