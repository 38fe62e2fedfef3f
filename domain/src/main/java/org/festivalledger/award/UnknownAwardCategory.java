package org.festivalledger.award;

import org.festivalledger.rules.UnknownEntity;

/** Only the categories announced with the competition can be awarded. */
public class UnknownAwardCategory extends UnknownEntity {

    public UnknownAwardCategory(String categoryId, String competitionId) {
        super("Competition " + competitionId + " has no award category " + categoryId);
    }
}
