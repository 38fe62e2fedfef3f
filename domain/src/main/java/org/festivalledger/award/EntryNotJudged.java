package org.festivalledger.award;

/** An entry that no round of the competition judged cannot be decided on. */
public class EntryNotJudged extends NotInContention {

    public EntryNotJudged(String submissionId) {
        super(submissionId, "it was not judged in any round");
    }
}
