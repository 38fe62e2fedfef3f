package org.festivalledger.jury;

import org.festivalledger.rules.StateConflict;

/** Revoking twice would record a second revocation of nothing. */
public class JurorAccessAlreadyRevoked extends StateConflict {

    public JurorAccessAlreadyRevoked(String jurorId) {
        super("Juror " + jurorId + "'s access is already revoked; issue new access to restore it");
    }
}
