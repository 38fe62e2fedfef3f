package org.festivalledger.rules;

/** The entity exists but is in a state that does not allow the request (HTTP 409). */
public abstract class StateConflict extends RuntimeException {

    protected StateConflict(String message) {
        super(message);
    }
}
