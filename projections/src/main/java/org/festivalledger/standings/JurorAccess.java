package org.festivalledger.standings;

import org.festivalledger.jury.JurorAccessIssued;
import org.festivalledger.jury.JurorAccessRevoked;

import java.time.Instant;

/**
 * A juror's current credentials as the ledger last set them: the hashes of the API token and of the sign-in link,
 * the link's expiry, and the access version (see {@code JurorAccessChanged}). Which credential a request may use
 * is decided here, in one place.
 *
 * @param version 0 for a juror appointed before access was versioned (their token only, no link)
 */
public record JurorAccess(int version, String tokenHash, String linkHash, Instant linkExpiresAt, boolean revoked) {

    /** The access a bare appointment gave: its token, no sign-in link. */
    static JurorAccess appointed(String tokenHash) {
        return new JurorAccess(0, tokenHash, null, null, false);
    }

    static JurorAccess issued(JurorAccessIssued event) {
        return new JurorAccess(event.version(), event.tokenHash(), event.linkHash(), event.linkExpiresAt(), false);
    }

    static JurorAccess revoked(JurorAccessRevoked event) {
        return new JurorAccess(event.version(), null, null, null, true);
    }

    /** Whether a bearer token with this hash signs the juror in to the API. */
    public boolean acceptsToken(String hash) {
        return !revoked && hash.equals(tokenHash);
    }

    /** Whether a sign-in link with this hash signs the juror in to the pages at {@code now}. */
    public boolean acceptsLink(String hash, Instant now) {
        return !revoked && linkHash != null && hash.equals(linkHash) && now.isBefore(linkExpiresAt);
    }
}
