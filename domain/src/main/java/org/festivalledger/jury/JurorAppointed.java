package org.festivalledger.jury;

import org.festivalledger.judging.JudgingEvent;
import org.axonframework.serialization.Revision;

/** A juror was appointed; {@code tokenHash} is the SHA-256 of the bearer token handed to them once. */
@Revision("1")
public record JurorAppointed(String competitionId, String jurorId, String name, String tokenHash) implements JudgingEvent {
}
