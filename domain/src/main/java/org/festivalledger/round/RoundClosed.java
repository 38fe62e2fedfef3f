package org.festivalledger.round;

import org.festivalledger.judging.JudgingEvent;
import org.axonframework.serialization.Revision;

/** A round was closed; its standings are final as of this event's position. */
@Revision("1")
public record RoundClosed(String competitionId, String roundId) implements JudgingEvent {
}
