package org.festivalledger.judging;

import org.festivalledger.award.AwardConferred;
import org.festivalledger.award.AwardRevoked;
import org.festivalledger.jury.ConflictDeclared;
import org.festivalledger.jury.JurorAccessIssued;
import org.festivalledger.jury.JurorAccessRevoked;
import org.festivalledger.jury.JurorAppointed;
import org.festivalledger.publication.ResultsPublished;
import org.festivalledger.round.AssignmentRemoved;
import org.festivalledger.round.EntryDropped;
import org.festivalledger.round.JurorsAssigned;
import org.festivalledger.round.RoundClosed;
import org.festivalledger.round.RoundOpened;
import org.festivalledger.scoring.ScoreRecorded;
import org.festivalledger.scoring.ScoreRevised;
import org.festivalledger.scoring.ScoreVoided;
import org.festivalledger.shortlist.ShortlistDrawn;

import java.util.List;

/**
 * An event of a competition's {@link Judging}: everything its jury and its decisions record. The read side
 * handles them through this type (one handler on the board, one fold), and {@link #TYPES} is the one list of
 * them that the verifier's whitelist of payload types is built from.
 */
public interface JudgingEvent {

    /** Every judging event type, in no particular order; a test checks that every implementation is listed. */
    List<Class<? extends JudgingEvent>> TYPES = List.of(JudgingEstablished.class, JurorAppointed.class,
            ConflictDeclared.class, RoundOpened.class, JurorsAssigned.class, AssignmentRemoved.class,
            RoundClosed.class, EntryDropped.class, ScoreRecorded.class, ScoreRevised.class, ScoreVoided.class,
            EntryLeftContention.class, ShortlistDrawn.class, AwardConferred.class, AwardRevoked.class,
            ResultsPublished.class, JurorAccessIssued.class, JurorAccessRevoked.class);

    /** The competition whose judging recorded the event. */
    String competitionId();
}
