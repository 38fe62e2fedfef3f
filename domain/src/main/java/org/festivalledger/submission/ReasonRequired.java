package org.festivalledger.submission;

import org.festivalledger.rules.InvalidInput;

import java.util.List;

/** A decision that takes a film out of the competition must say why, so the record can be defended later. */
public class ReasonRequired extends InvalidInput {

    public ReasonRequired(String decision) {
        super(List.of(new FieldError("reason", "is required to " + decision)));
    }
}
