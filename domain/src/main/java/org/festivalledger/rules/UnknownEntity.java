package org.festivalledger.rules;

/** The entity asked for does not exist, or not where the request looked for it (HTTP 404). */
public abstract class UnknownEntity extends RuntimeException {

    protected UnknownEntity(String message) {
        super(message);
    }
}
