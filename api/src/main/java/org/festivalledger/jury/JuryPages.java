package org.festivalledger.jury;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.competition.OrganiserConsole;
import org.festivalledger.http.FormOnce;
import org.festivalledger.language.FormRefusal;
import org.festivalledger.language.Refusals;
import org.festivalledger.rules.InvalidInput;
import org.festivalledger.rules.RuleViolation;
import org.festivalledger.rules.StateConflict;
import org.festivalledger.rules.UnknownEntity;
import org.festivalledger.standings.JudgingBoard;
import org.festivalledger.standings.JurorAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The organiser's jury page: the jurors and their access, appointing one (their sign-in link shown once, on the
 * answer itself, never kept), a new link or a revocation for one juror, and a conflict of interest declared.
 * Every form goes through {@link JuryAppointments}, as the JSON API does.
 */
@Controller
@RequestMapping("/organiser/competitions/{competitionId}/jurors")
class JuryPages {

    private final OrganiserConsole console;
    private final JudgingBoard board;
    private final JuryAppointments jury;
    private final Refusals refusals;

    JuryPages(OrganiserConsole console, JudgingBoard board, JuryAppointments jury, Refusals refusals) {
        this.console = console;
        this.board = board;
        this.jury = jury;
        this.refusals = refusals;
    }

    /** A juror as the page lists them: never a credential, only whether and until when one works. */
    record JurorLine(String jurorId, String name, boolean revoked, Instant linkExpiresAt, List<String> conflicts) {
    }

    @GetMapping
    String jurors(@PathVariable String competitionId, HttpServletResponse response, Model model) {
        return show(competitionId, null, Map.of(), null, response, model);
    }

    @PostMapping
    String appoint(@PathVariable String competitionId, @RequestParam Map<String, String> form,
                   HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            JuryAppointments.Handed appointed = jury.appoint(competitionId, blankAsNull(form.get("id")),
                    form.getOrDefault("name", "").strip());
            return linkShownOnce(competitionId, appointed, "appointed", request, response, model);
        } catch (InvalidInput | RuleViolation | StateConflict | UnknownEntity refused) {
            return show(competitionId, "appoint", form, FormRefusal.of(refusals, refused,
                    field -> switch (field) {
                        case "id", "jurorId" -> "id";
                        case "name" -> "name";
                        default -> null;
                    }, rule -> rule instanceof JurorAlreadyAppointed ? "id" : null), response, model);
        }
    }

    @PostMapping("/{jurorId}/access")
    String reissue(@PathVariable String competitionId, @PathVariable String jurorId, @RequestParam Map<String, String> form,
                   HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            return linkShownOnce(competitionId, jury.reissue(competitionId, jurorId), "reissued", request, response,
                    model);
        } catch (InvalidInput | RuleViolation | StateConflict | UnknownEntity refused) {
            return show(competitionId, "reissue-" + jurorId, form, FormRefusal.of(refusals, refused, field -> null,
                    rule -> null), response, model);
        }
    }

    @PostMapping("/{jurorId}/access/revocation")
    String revoke(@PathVariable String competitionId, @PathVariable String jurorId,
                  @RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        String reason = form.getOrDefault("reason", "").strip();
        try {
            console.settle(jury.revoke(competitionId, jurorId, reason).position());
            return "redirect:/organiser/competitions/" + competitionId + "/jurors?revoked=" + jurorId;
        } catch (InvalidInput | RuleViolation | StateConflict | UnknownEntity refused) {
            String input = "revoke-reason-" + jurorId;
            return show(competitionId, "revoke-" + jurorId, form, FormRefusal.of(refusals, refused,
                    field -> "reason".equals(field) ? input : null, rule -> input), response, model);
        }
    }

    @PostMapping("/conflicts")
    String declareConflict(@PathVariable String competitionId, @RequestParam Map<String, String> form,
                           HttpServletResponse response, Model model) {
        try {
            console.settle(jury.declareConflict(competitionId, form.getOrDefault("jurorId", "").strip(),
                    form.getOrDefault("submissionId", "").strip(), form.getOrDefault("reason", "").strip()).position());
            return "redirect:/organiser/competitions/" + competitionId + "/jurors?conflict";
        } catch (InvalidInput | RuleViolation | StateConflict | UnknownEntity refused) {
            return show(competitionId, "conflict", form, FormRefusal.of(refusals, refused,
                    field -> switch (field) {
                        case "jurorId" -> "conflict-jurorId";
                        case "submissionId" -> "conflict-submissionId";
                        case "reason" -> "conflict-reason";
                        default -> null;
                    }, rule -> rule instanceof UnknownJuror ? "conflict-jurorId" : "conflict-submissionId"),
                    response, model);
        }
    }

    /**
     * The answer that shows a juror's new sign-in link: a page, not a redirect, since the link is kept nowhere to
     * show it from. A repeat of the form (a reload, a double click) goes to the jury page instead.
     */
    private String linkShownOnce(String competitionId, JuryAppointments.Handed handed, String what,
                                 HttpServletRequest request, HttpServletResponse response, Model model) {
        FormOnce.repeatGoesTo(request, "/organiser/competitions/" + competitionId + "/jurors?shownOnce="
                + handed.jurorId());
        console.settle(handed.position());
        console.competition(competitionId, response, model).orElseThrow();
        model.addAttribute("jurorId", handed.jurorId());
        model.addAttribute("jurorName", board.read(competitionId, record -> record.juror(handed.jurorId())
                .map(juror -> juror.name()).orElse(handed.jurorId())).orElse(handed.jurorId()));
        model.addAttribute("signInLink", handed.credentials().signInLink());
        model.addAttribute("expiresAt", handed.credentials().linkExpiresAt());
        model.addAttribute("what", what);
        return "organiser/juror-link";
    }

    private String show(String competitionId, String failed, Map<String, String> typed, FormRefusal refusal,
                        HttpServletResponse response, Model model) {
        if (console.competition(competitionId, response, model).isEmpty()) {
            return OrganiserConsole.NOT_FOUND;
        }
        if (refusal != null) {
            response.setStatus(refusal.status().value());
        }
        model.addAttribute("jurors", board.read(competitionId, record -> record.jurors().stream()
                .map(juror -> {
                    JurorAccess access = record.access(juror.jurorId()).orElse(null);
                    return new JurorLine(juror.jurorId(), juror.name(), access != null && access.revoked(),
                            access == null ? null : access.linkExpiresAt(), record.conflictsOf(juror.jurorId()));
                }).toList()).orElse(List.of()));
        model.addAttribute("failed", failed);
        model.addAttribute("values", typed);
        model.addAttribute("problems", refusal == null ? Map.of() : refusal.problems());
        return "organiser/jurors";
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
