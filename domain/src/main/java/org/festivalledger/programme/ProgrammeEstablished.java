package org.festivalledger.programme;

import org.axonframework.serialization.Revision;

/** A competition's programme began, with the first venue added to it. */
@Revision("1")
public record ProgrammeEstablished(String competitionId) {
}
