package org.festivalledger.ledger;

import java.time.Instant;

/**
 * The end of the log: the last position written, its hash and when it was recorded. Position 0 with the
 * genesis hash is an empty log. Published with the results, it lets anyone check a later export.
 */
public record LedgerHead(long position, String hash, Instant recordedAt) {

    static final LedgerHead EMPTY = new LedgerHead(0, ChainHash.GENESIS, Instant.EPOCH);

    long nextPosition() {
        return position + 1;
    }
}
