package org.festivalledger.programme;

import java.time.Instant;
import java.util.List;

/**
 * A public item as a calendar feed needs it: cancelled ones too (a feed must say so, or subscribers keep them),
 * with a sequence that rises with every change and the moment of the last change.
 */
public record CalendarItem(String id, BookingKind kind, String title, Instant startsAt, Instant endsAt,
                           String venueName, List<String> films, List<String> speakers, boolean cancelled,
                           int sequence, Instant changedAt) {
}
