package org.festivalledger.round;

import org.festivalledger.judging.JudgingEvent;
import org.axonframework.serialization.Revision;

import java.util.List;

/** Jurors were assigned to entries of a round; {@code automatic} tells the algorithm from a person. */
@Revision("1")
public record JurorsAssigned(String competitionId, String roundId, List<Assignment> assignments,
                             boolean automatic) implements JudgingEvent {
}
