package org.festivalledger.http;

/** A path names an id the read models do not know (a 404 answered before any command is sent). */
public class UnknownId extends RuntimeException {

    public UnknownId(String what, String id) {
        super("no " + what + " with id " + id);
    }
}
