package org.festivalledger.jury;

import org.axonframework.serialization.Revision;

/** Every token and sign-in link of the juror stopped working; new ones can be issued later. */
@Revision("1")
public record JurorAccessRevoked(String competitionId, String jurorId, int version, String reason)
        implements JurorAccessChanged {
}
