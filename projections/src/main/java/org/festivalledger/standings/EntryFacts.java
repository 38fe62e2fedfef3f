package org.festivalledger.standings;

import java.util.Map;
import java.util.Optional;

/**
 * What the tie-break needs of every entry a round ranks (title, when it was received): facts that never change
 * once recorded. A required input of {@link RoundStandings}, so that no caller can rank a round without them
 * (ranking on ids alone would silently break ties in another order than the live standings).
 */
public final class EntryFacts {

    private final Map<String, EntryInfo> known;

    private EntryFacts(Map<String, EntryInfo> known) {
        this.known = known;
    }

    /**
     * Facts as folded from the entries' {@code SubmissionReceived} events. The map is read, not copied: hand a
     * copy, or read it under the lock that guards it (as {@link JudgingBoard#read} does).
     */
    public static EntryFacts of(Map<String, EntryInfo> known) {
        return new EntryFacts(java.util.Collections.unmodifiableMap(known));
    }

    public Optional<EntryInfo> find(String submissionId) {
        return Optional.ofNullable(known.get(submissionId));
    }

    /**
     * @throws IllegalStateException if the entry was never received: the caller folded too little of the ledger
     */
    EntryInfo of(String submissionId) {
        EntryInfo info = known.get(submissionId);
        if (info == null) {
            throw new IllegalStateException("No entry facts for " + submissionId
                    + ": its SubmissionReceived event was not folded before ranking");
        }
        return info;
    }
}
