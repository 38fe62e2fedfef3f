package org.festivalledger.identity;

/**
 * An entrant signed in with an emailed link: their pseudonymous id, the only name the ledger knows them by (their
 * address lives in the erasable store beside it).
 */
public record EntrantIdentity(String entrantId) {

    @Override
    public String toString() {
        return entrantId;
    }
}
