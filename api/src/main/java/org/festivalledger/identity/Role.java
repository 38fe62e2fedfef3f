package org.festivalledger.identity;

/** Who someone is to the ledger; the public (anonymous) has no role. */
public enum Role {
    ORGANISER, JUROR, AUDITOR, ENTRANT;

    /** The Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }
}
