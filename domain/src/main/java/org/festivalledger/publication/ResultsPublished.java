package org.festivalledger.publication;

import org.festivalledger.judging.JudgingEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A publication: the shortlists and awards recorded before this event are public from now on. A decision
 * recorded after it stays under embargo until the next publication (ADR 0004).
 */
@Revision("1")
public record ResultsPublished(String competitionId, Instant publishedAt) implements JudgingEvent {
}
