package org.festivalledger.identity;

/**
 * A juror signed in with their bearer token or sign-in link: who they are, the one competition they judge, and
 * the version of their access the credential belonged to (a later issue or revocation ends it).
 */
public record JurorIdentity(String competitionId, String jurorId, int accessVersion) {

    /** Whether this juror may act in the given competition as the given juror. */
    public boolean is(String competitionId, String jurorId) {
        return this.competitionId.equals(competitionId) && this.jurorId.equals(jurorId);
    }

    @Override
    public String toString() {
        return jurorId;
    }
}
