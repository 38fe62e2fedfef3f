package org.festivalledger.programme;

import org.festivalledger.http.CommandDispatch.Recorded;
import org.festivalledger.http.LedgerPositionHeader;
import org.festivalledger.http.UnknownId;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.time.Instant;

/** How the programme's endpoints answer a command: where the booking landed, and where on the ledger. */
final class Answers {

    /** A booking as placed: a screening's end is computed, so the client learns it here. */
    record Placed(String id, String venueId, Instant startsAt, Instant endsAt) {

        static Placed of(Booked booked) {
            Slot slot = booked.slot();
            return new Placed(booked.id(), slot.venueId(), slot.startsAt(), slot.endsAt());
        }
    }

    /** A cancellation's answer. */
    record Cancelled(String id, String status, String reason) {

        Cancelled(String id, String reason) {
            this(id, "CANCELLED", reason);
        }
    }

    private Answers() {
    }

    static <T> ResponseEntity<T> created(String location, Recorded recorded, T body) {
        return ResponseEntity.created(URI.create(location))
                .header(LedgerPositionHeader.NAME, Long.toString(recorded.position())).body(body);
    }

    static <T> ResponseEntity<T> ok(Recorded recorded, T body) {
        return ResponseEntity.ok().header(LedgerPositionHeader.NAME, Long.toString(recorded.position())).body(body);
    }

    /** The reason from the body, else from the {@code X-Reason} header, as every other command takes it. */
    static String reason(String fromBody, String fromHeader) {
        return fromBody != null && !fromBody.isBlank() ? fromBody : fromHeader;
    }

    /** One screening or forum session as the organiser's schedule shows it, or 404. */
    static ScheduleEntry entry(ProgrammeSchedule schedule, String competitionId, String id, BookingKind kind) {
        return schedule.organiserSchedule(competitionId, schedule.festivalZone()).entries().stream()
                .filter(entry -> entry.id().equals(id) && entry.kind() == kind)
                .findFirst().orElseThrow(() -> new UnknownId(kind.words(), id));
    }
}
