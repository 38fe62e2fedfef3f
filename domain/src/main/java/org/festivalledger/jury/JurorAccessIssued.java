package org.festivalledger.jury;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A juror's credentials, shown once to the organiser: an API bearer token and a sign-in link for the pages, two
 * different secrets of which only the SHA-256 is recorded. Every earlier token and link of the juror stops working.
 */
@Revision("1")
public record JurorAccessIssued(String competitionId, String jurorId, int version, String tokenHash,
                                String linkHash, Instant linkExpiresAt) implements JurorAccessChanged {
}
