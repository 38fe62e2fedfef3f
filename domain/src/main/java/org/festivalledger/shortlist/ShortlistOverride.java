package org.festivalledger.shortlist;

/** A documented departure from the standings: which entry, which way, and why. */
public record ShortlistOverride(String submissionId, OverrideAction action, String reason) {
}
