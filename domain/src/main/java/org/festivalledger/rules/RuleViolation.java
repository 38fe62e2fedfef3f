package org.festivalledger.rules;

/** A festival rule was broken by a well-formed request (HTTP 422). */
public abstract class RuleViolation extends RuntimeException {

    protected RuleViolation(String message) {
        super(message);
    }
}
