package org.festivalledger.identity;

/** A juror signed in with their bearer token: who they are and the one competition they judge. */
public record JurorIdentity(String competitionId, String jurorId) {

    /** Whether this juror may act in the given competition as the given juror. */
    public boolean is(String competitionId, String jurorId) {
        return this.competitionId.equals(competitionId) && this.jurorId.equals(jurorId);
    }

    @Override
    public String toString() {
        return jurorId;
    }
}
