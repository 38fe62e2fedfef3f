package org.festivalledger.submission;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.festivalledger.competition.Competition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.submission.ACompetition.ID;
import static org.festivalledger.submission.ACompetition.announced;
import static org.festivalledger.submission.EntryBuilder.anEntry;

/**
 * What the ledger will store when the competition receives films. The fixture's own stand-in repository
 * creates new aggregates as state-stored ones, whose events carry no aggregate id or sequence; here the
 * Submissions get a real event-sourcing repository, as in the application, so we can see each film start a
 * history of its own.
 */
class SubmissionHistoryTest {

    private final InMemoryEventStorageEngine ledger = new InMemoryEventStorageEngine();
    private final EventSourcingRepository<Submission> submissions = EventSourcingRepository.builder(Submission.class)
            .eventStore(EmbeddedEventStore.builder().storageEngine(ledger).build())
            .build();

    @Test
    void eachReceivedFilmStartsAHistoryOfItsOwnAndTheCompetitionRecordsNothing() {
        Instant receivedAt = Instant.parse("2026-02-20T09:00:00Z");
        Entry first = anEntry().titled("Paper Moons").build();
        Entry second = anEntry().titled("The Last Glacier").build();

        new AggregateTestFixture<>(Competition.class)
                .registerRepositoryProvider(submissionsOnly())
                .given(announced())
                .when(new ReceiveSubmissions(ID, List.of(
                        new NewSubmission("sub-1", first), new NewSubmission("sub-2", second)), receivedAt))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();

        assertThat(history("sub-1")).singleElement().satisfies(event -> {
            assertThat(event.getType()).isEqualTo("Submission");
            assertThat(event.getAggregateIdentifier()).isEqualTo("sub-1");
            assertThat(event.getSequenceNumber()).isZero();
            assertThat(event.getPayload()).isEqualTo(new SubmissionReceived("sub-1", ID, first, receivedAt));
        });
        assertThat(history("sub-2")).singleElement()
                .satisfies(event -> assertThat(event.getPayload()).isEqualTo(new SubmissionReceived("sub-2", ID, second, receivedAt)));
    }

    private List<? extends DomainEventMessage<?>> history(String submissionId) {
        return ledger.readEvents(submissionId).asStream().toList();
    }

    private RepositoryProvider submissionsOnly() {
        return new RepositoryProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Repository<T> repositoryFor(Class<T> aggregateType) {
                return aggregateType == Submission.class ? (Repository<T>) submissions : null;
            }
        };
    }
}
