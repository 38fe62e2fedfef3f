package org.festivalledger.ledger;

/**
 * A store that makes writes durable in groups: appends are applied at once and made durable together by whoever
 * waits first ({@link org.festivalledger.ledger.embedded.EmbeddedMongoStore#awaitDurable()}). The ledger's
 * promise becomes "acknowledged ⇒ durable" at the acknowledgement: whoever tells a client that a command was
 * recorded calls {@link LedgerLog#awaitDurable()} first.
 */
@FunctionalInterface
public interface GroupCommit {

    /** Returns once every write applied before the call survives a crash of the process. */
    void awaitDurable();
}
