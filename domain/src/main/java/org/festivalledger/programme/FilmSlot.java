package org.festivalledger.programme;

/** One film of a screening and the minutes it takes: the runtime its slot was computed from. */
public record FilmSlot(String submissionId, int runtimeMinutes) {
}
