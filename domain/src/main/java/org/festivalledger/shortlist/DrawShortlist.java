package org.festivalledger.shortlist;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.festivalledger.judging.JudgingId;

import java.util.List;

/**
 * Draws the shortlist of a closed round: the first {@code size} entries of {@code standings}, adjusted by the
 * overrides. The standings are the round's as computed from the ledger up to {@code basedOnPosition}, by the
 * same code an auditor replays; {@code judgingVersion} is the judging's last event at that position, so a
 * change recorded in between (a late conflict voiding a score) makes the draw fail rather than rest on
 * standings that no longer hold.
 */
public record DrawShortlist(String competitionId, String roundId, int size, List<RankedEntry> standings,
                            List<ShortlistOverride> overrides, String rationale, long basedOnPosition,
                            Long judgingVersion) {

    @TargetAggregateIdentifier
    public String judgingId() {
        return JudgingId.of(competitionId);
    }

    @TargetAggregateVersion
    public Long expectedJudgingVersion() {
        return judgingVersion;
    }
}
