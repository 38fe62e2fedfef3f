package org.festivalledger.programme;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * A screening or forum session in a schedule. The organiser-only parts ({@code public}, {@code revision},
 * {@code changeReason}, {@code warnings}, the films' status) are null in the public schedule and then left out.
 *
 * @param kind   {@code SCREENING} or {@code FORUM_SESSION}
 * @param status {@code SCHEDULED} or {@code CANCELLED} (the public schedule shows only scheduled items)
 * @param revision how often the item changed: its moves, and one more once cancelled (the feed's SEQUENCE)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduleEntry(String id, BookingKind kind, String title, Instant startsAt, Instant endsAt,
                            String venueId, List<FilmLine> films, List<String> speakers, String status,
                            @JsonProperty("public") Boolean publicItem, Integer revision, String changeReason,
                            List<ScheduleWarning> warnings) {

    @JsonIgnore
    public boolean isCancelled() {
        return "CANCELLED".equals(status);
    }
}
