package org.festivalledger.judging;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.festivalledger.competition.AnnounceCompetition;
import org.festivalledger.competition.Competition;
import org.festivalledger.competition.CompetitionAnnounced;
import org.festivalledger.competition.SubmissionRules;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.judging.JudgingHistory.COMPETITION;
import static org.festivalledger.judging.JudgingHistory.CATEGORIES;
import static org.festivalledger.judging.JudgingHistory.CRITERIA;

/**
 * Where a competition's judging lives on the ledger. As in the application, the Judging gets a real
 * event-sourcing repository here, so we can see that its history starts under the id every judging command
 * is addressed to, apart from the competition's own.
 */
class JudgingHistoryTest {

    private static final SubmissionRules RULES = new SubmissionRules(Instant.parse("2026-03-01T00:00:00Z"), 15);

    private final InMemoryEventStorageEngine ledger = new InMemoryEventStorageEngine();
    private final EventSourcingRepository<Judging> judgings = EventSourcingRepository.builder(Judging.class)
            .eventStore(EmbeddedEventStore.builder().storageEngine(ledger).build())
            .build();

    @Test
    void aJudgingIsEstablishedWithTheCompetitionsCriteria() {
        new AggregateTestFixture<>(Judging.class)
                .givenNoPriorActivity()
                .whenConstructing(() -> new Judging(COMPETITION, CRITERIA, CATEGORIES))
                .expectEvents(new JudgingEstablished(COMPETITION, CRITERIA, CATEGORIES));
    }

    @Test
    void announcingACompetitionStartsTheHistoryOfItsJudgingUnderItsJudgingId() {
        new AggregateTestFixture<>(Competition.class)
                .registerRepositoryProvider(judgingsOnly())
                .givenNoPriorActivity()
                .when(new AnnounceCompetition(COMPETITION, "AIGC Short Film Unit", "2026", CRITERIA, RULES, List.of()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CompetitionAnnounced(COMPETITION, "AIGC Short Film Unit", "2026", CRITERIA, RULES,
                        List.of()));

        List<? extends DomainEventMessage<?>> history =
                ledger.readEvents("bjiff-aigc-2026/judging").asStream().toList();
        assertThat(history).singleElement().satisfies(event -> {
            assertThat(event.getType()).isEqualTo("Judging");
            assertThat(event.getSequenceNumber()).isZero();
            assertThat(event.getPayload()).isEqualTo(new JudgingEstablished(COMPETITION, CRITERIA, List.of()));
        });
    }

    private RepositoryProvider judgingsOnly() {
        return new RepositoryProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Repository<T> repositoryFor(Class<T> aggregateType) {
                return aggregateType == Judging.class ? (Repository<T>) judgings : null;
            }
        };
    }
}
