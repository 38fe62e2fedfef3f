package org.festivalledger.programme;

import java.time.Instant;

/** Where and when a booking was placed: what a scheduling command answers, since a screening's end is computed. */
public record Slot(String venueId, Instant startsAt, Instant endsAt) {
}
