package org.festivalledger.publication;

import org.festivalledger.judging.JudgingEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The embargo was lifted. Decisions recorded afterwards are public as soon as they are made. */
@Revision("1")
public record ResultsPublished(String competitionId, Instant publishedAt) implements JudgingEvent {
}
