package org.festivalledger.jury;

import org.festivalledger.rules.UnknownEntity;

/** No juror with this id is appointed to the competition named by the request. */
public class UnknownJuror extends UnknownEntity {

    public UnknownJuror(String jurorId, String competitionId) {
        super("Competition " + competitionId + " has no juror " + jurorId);
    }
}
