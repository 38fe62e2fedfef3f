package org.festivalledger.scratch;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import static org.axonframework.modelling.command.AggregateLifecycle.*;

class ScratchTest {
    public record Make(@TargetAggregateIdentifier String id, String childId) {}
    public record Made(String id) {}
    public record ChildMade(String id) {}
    public static class Boom extends RuntimeException { Boom() { super("boom"); } }

    public static class Parent {
        @AggregateIdentifier String id;
        public Parent() {}
        @CommandHandler void handle(Make m) throws Exception { createNew(Child.class, () -> new Child(m.childId())); }
        @EventSourcingHandler void on(Made e) { id = e.id(); }
    }
    public static class Child {
        @AggregateIdentifier String id;
        public Child() {}
        Child(String id) { if (id.equals("bad")) throw new Boom(); apply(new ChildMade(id)); }
        @EventSourcingHandler void on(ChildMade e) { this.id = e.id(); }
    }

    @Test
    void defaultProvider() {
        new AggregateTestFixture<>(Parent.class).given(new Made("p")).when(new Make("p", "bad")).expectException(Boom.class);
    }

    @Test
    void realRepository() {
        var storage = new InMemoryEventStorageEngine();
        var store = EmbeddedEventStore.builder().storageEngine(storage).build();
        var children = EventSourcingRepository.builder(Child.class).eventStore(store).build();
        var fixture = new AggregateTestFixture<>(Parent.class).registerRepositoryProvider(new RepositoryProvider() {
            @SuppressWarnings("unchecked")
            public <T> Repository<T> repositoryFor(Class<T> t) { return (Repository<T>) children; }
        });
        fixture.given(new Made("p")).when(new Make("p", "bad")).expectException(Boom.class);
        fixture.given(new Made("p")).when(new Make("p", "c1")).expectNoEvents();
        storage.readEvents("c1").asStream().forEach(m -> System.out.println("STORED " + m.getType() + " " + m.getAggregateIdentifier() + " " + m.getSequenceNumber() + " " + m.getPayload()));
        // second creation with the same id: what happens?
        var f2 = new AggregateTestFixture<>(Parent.class).registerRepositoryProvider(new RepositoryProvider() {
            @SuppressWarnings("unchecked")
            public <T> Repository<T> repositoryFor(Class<T> t) { return (Repository<T>) children; }
        });
        f2.given(new Made("p")).when(new Make("p", "c1")).expectException(Exception.class);
        System.out.println("RESULT");
        try { f2.given(new Made("p")).when(new Make("p", "c1")).expectNoEvents(); } catch (Throwable t) { System.out.println("DUP " + t); }
    }
}
