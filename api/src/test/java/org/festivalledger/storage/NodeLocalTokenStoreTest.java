package org.festivalledger.storage;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A view's token kept in the node's memory: kept once its batch commits, never from a batch rolled back. */
class NodeLocalTokenStoreTest {

    private final NodeLocalTokenStore store = new NodeLocalTokenStore();

    @Test
    void segmentsStartAtTheInitialTokenGiven() {
        store.initializeTokenSegments("judging", 1, new GlobalSequenceTrackingToken(41));
        assertThat(store.fetchSegments("judging")).containsExactly(0);
        assertThat(store.fetchToken("judging", 0)).isEqualTo(new GlobalSequenceTrackingToken(41));
    }

    @Test
    void aTokenIsKeptWhenItsBatchCommitsAndNotWhenItRollsBack() {
        store.initializeTokenSegments("competitions", 1);
        assertThat(store.fetchToken("competitions", 0)).as("from the start of the log").isNull();

        UnitOfWork<?> committed = DefaultUnitOfWork.startAndGet(null);
        store.storeToken(new GlobalSequenceTrackingToken(10), "competitions", 0);
        assertThat(store.fetchToken("competitions", 0)).as("not before the commit").isNull();
        committed.commit();
        assertThat(store.fetchToken("competitions", 0)).isEqualTo(new GlobalSequenceTrackingToken(10));

        UnitOfWork<?> rolledBack = DefaultUnitOfWork.startAndGet(null);
        store.storeToken(new GlobalSequenceTrackingToken(20), "competitions", 0);
        rolledBack.rollback();
        assertThat(store.fetchToken("competitions", 0)).isEqualTo(new GlobalSequenceTrackingToken(10));
    }

    @Test
    void anUnknownSegmentIsNotClaimable() {
        assertThatThrownBy(() -> store.fetchToken("programme", 0)).isInstanceOf(UnableToClaimTokenException.class);
    }
}
