package org.festivalledger.http;

/**
 * A command needs the read models to have caught up with the whole ledger (to take a complete list of
 * entries), and they have not within the wait: answered 503 with Retry-After, and nothing is recorded.
 */
public class ViewsCatchingUp extends RuntimeException {

    public ViewsCatchingUp() {
        super("the entry register is still catching up with the ledger; retry in a few seconds");
    }
}
