package org.festivalledger.programme;

import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.competition.CompetitionCatalogue;
import org.festivalledger.competition.CompetitionView;
import org.festivalledger.http.ProjectionProgress;
import org.festivalledger.language.FestivalTime;
import org.festivalledger.rules.InvalidInput;
import org.festivalledger.rules.RuleViolation;
import org.festivalledger.rules.StateConflict;
import org.festivalledger.rules.UnknownEntity;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How a programme page's form is shown, sent and answered, the same for every form: one form sends one command
 * (the form's key is the ledger commit's key), and only when all it typed could be read ({@link TypedInput}); on
 * success it waits for the views, so the page it leads to shows the change; on a refusal the response takes the
 * refusal's status ({@link ProgrammeRefusals}) and the form is shown again, with what was typed kept.
 */
@Component
class ProgrammeForms {

    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final CompetitionCatalogue catalogue;
    private final ProjectionProgress progress;
    private final ProgrammeRefusals refusals;
    private final ProgrammeWords words;
    private final FestivalTime time;

    ProgrammeForms(CompetitionCatalogue catalogue, ProjectionProgress progress, ProgrammeRefusals refusals,
                   ProgrammeWords words, FestivalTime time) {
        this.catalogue = catalogue;
        this.progress = progress;
        this.refusals = refusals;
        this.words = words;
        this.time = time;
    }

    /** A fresh reader for one form's typed fields. */
    TypedInput typed() {
        return new TypedInput(words, time);
    }

    /** Sends the form's command unless what it typed could not be read: {@code done} leads on, {@code again} re-shows. */
    String send(String competitionId, TypedInput typed, Supplier<Booked> command, Function<Booked, String> done,
                Function<Refused, String> again, HttpServletResponse response) {
        Refused refused;
        if (!typed.problems().isEmpty()) {
            refused = new Refused(HttpStatus.BAD_REQUEST, typed.problems(), null);
        } else {
            try {
                Booked booked = command.get();
                progress.awaitPosition(booked.recorded().position(), SETTLE);
                return done.apply(booked);
            } catch (InvalidInput | RuleViolation | StateConflict | UnknownEntity refusal) {
                refused = refusals.of(competitionId, refusal);
            }
        }
        response.setStatus(refused.status().value());
        return again.apply(refused);
    }

    /**
     * A form's own page: the error page (404) if the competition is not there, else the form with the competition,
     * what was typed and the refusal, if any; {@code choices} adds what the form chooses from (venues, films).
     */
    String page(String competitionId, String template, Map<String, String> typed, Refused refused,
                Consumer<Model> choices, HttpServletResponse response, Model model) {
        CompetitionView competition = catalogue.find(competitionId).orElse(null);
        if (competition == null) {
            return PageAnswers.notFound(response, model);
        }
        model.addAttribute("competition", competition);
        choices.accept(model);
        Refused.show(model, typed, refused);
        return template;
    }
}
