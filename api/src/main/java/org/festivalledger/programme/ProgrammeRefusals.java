package org.festivalledger.programme;

import org.festivalledger.rules.InvalidInput;
import org.festivalledger.rules.UnknownEntity;
import org.festivalledger.submission.UnknownSubmission;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * A programme use case's refusal as a page shows it: the status it answers with, and its sentence next to the field
 * it is about (a double-booked venue at the start time, an unknown venue at the venue, a taken id at the id …), or
 * above the form when no one field is to blame. Every programme form shares this one mapping, so a refusal reads
 * the same wherever it is met.
 */
@Component
class ProgrammeRefusals {

    private final ProgrammeWords words;

    ProgrammeRefusals(ProgrammeWords words) {
        this.words = words;
    }

    /**
     * An {@link InvalidInput} (400, each field's problem), an {@link UnknownEntity} (404), or a broken rule or a
     * state conflict (409).
     */
    Refused of(String competitionId, RuntimeException refusal) {
        if (refusal instanceof InvalidInput invalid) {
            return new Refused(HttpStatus.BAD_REQUEST, words.byField(invalid), null);
        }
        return placed(competitionId, refusal,
                refusal instanceof UnknownEntity ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT);
    }

    /** A refusal of the programme's rules, next to the field it is about, or above the form if none. */
    private Refused placed(String competitionId, RuntimeException refusal, HttpStatus status) {
        String sentence = words.refusal(competitionId, refusal);
        String field = refusal instanceof VenueDoubleBooked ? "startsAt"
                : refusal instanceof FilmCannotBeScheduled || refusal instanceof UnknownSubmission ? "submissionIds"
                : refusal instanceof SpeakerDoubleBooked ? "speakers"
                : refusal instanceof UnknownVenue ? "venueId"
                : refusal instanceof BookingIdTaken || refusal instanceof VenueAlreadyAdded ? "id"
                : null;
        return field == null ? new Refused(status, Map.of(), sentence) : new Refused(status, Map.of(field, sentence), null);
    }
}
