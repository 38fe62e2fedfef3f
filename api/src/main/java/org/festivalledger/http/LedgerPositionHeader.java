package org.festivalledger.http;

/** The response header carrying the ledger position of the last event a command recorded. */
public final class LedgerPositionHeader {

    public static final String NAME = "Ledger-Position";

    private LedgerPositionHeader() {
    }
}
