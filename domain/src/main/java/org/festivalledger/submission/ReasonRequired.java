package org.festivalledger.submission;

import org.festivalledger.rules.InvalidInput;

import java.util.List;

/**
 * A decision that changes the record (taking a film out of the competition, revising a score, taking a juror
 * off an entry, declaring a conflict of interest) must say why, so the record can be defended later.
 */
public class ReasonRequired extends InvalidInput {

    public ReasonRequired(String decision) {
        super(List.of(new FieldError("reason", "is required to " + decision)));
    }
}
