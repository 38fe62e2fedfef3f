package org.festivalledger.storage;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The token of a view that lives in this node's memory. The view and its token are lost together when the node
 * stops and are rebuilt together when it starts (from the ledger, or from the view's own snapshot), which is the
 * design (ADR 0002), not a fault: Axon's {@code InMemoryTokenStore} warns at every start that events may be handled
 * again after a restart, which for these views is the point. One node owns its views alone, so there are no claims
 * to arbitrate. A token is kept only once the batch that reached it is committed, so a rolled-back batch is handled
 * again.
 */
final class NodeLocalTokenStore implements TokenStore {

    private final Map<Integer, Optional<TrackingToken>> tokens = new ConcurrentHashMap<>();

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        initializeTokenSegments(processorName, segmentCount, null);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        if (!tokens.isEmpty()) {
            throw new UnableToClaimTokenException("the tokens of " + processorName + " are already initialised");
        }
        for (int segment = 0; segment < segmentCount; segment++) {
            tokens.put(segment, Optional.ofNullable(initialToken));
        }
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        if (tokens.putIfAbsent(segment, Optional.ofNullable(token)) != null) {
            throw new UnableToInitializeTokenException("segment " + segment + " of " + processorName + " exists");
        }
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> tokens.put(segment, Optional.ofNullable(token)));
        } else {
            tokens.put(segment, Optional.ofNullable(token));
        }
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        Optional<TrackingToken> token = tokens.get(segment);
        if (token == null) {
            throw new UnableToClaimTokenException("no token for segment " + segment + " of " + processorName);
        }
        return token.orElse(null);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        // One node owns the view alone: there is no claim to give up.
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        tokens.remove(segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return true;
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return tokens.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return Optional.of("node-local");
    }
}
