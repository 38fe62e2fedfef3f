package org.festivalledger.transparency;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Every checkpoint the log has signed, kept for good: one document per tree size ({@code _id}), written with the
 * ledger's durable write concern (and, on the embedded store, committed like the ledger: the collection's name
 * starts with {@code ledger_}). The latest size is kept under its own key so "the latest" is one exact lookup.
 * Ed25519 signatures are deterministic, so two nodes signing the same size write the same note; the first stays.
 */
public final class Checkpoints {

    public static final String COLLECTION = "ledger_checkpoints";
    private static final String LATEST = "latestCheckpoint";
    private static final String KEY = "signingKey";

    private final MongoCollection<Document> checkpoints;
    private final MongoCollection<Document> state;

    public Checkpoints(MongoDatabase database) {
        this.checkpoints = database.getCollection(COLLECTION).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
        this.state = database.getCollection(LogTree.STATE);
    }

    /**
     * Makes {@code key} the log's signing key if it has none yet, and refuses a different one: checkpoints of one
     * log signed by two keys could not be checked with the one verifier key the log publishes. Nodes sharing a
     * MongoDB must share the key file.
     *
     * @throws ForeignSigningKey if the log's checkpoints are signed with another key
     */
    public void claimFor(VerifierKey key) {
        String mine = key.toString();
        Document stored = state.find(Filters.eq("_id", KEY)).first();
        if (stored == null) {
            try {
                state.insertOne(new Document("_id", KEY).append("verifierKey", mine));
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                stored = state.find(Filters.eq("_id", KEY)).first();
            }
        }
        String logs = stored.getString("verifierKey");
        if (!mine.equals(logs)) {
            throw new ForeignSigningKey(logs, mine);
        }
    }

    /** This node's key is not the one the log's checkpoints are signed with. */
    public static final class ForeignSigningKey extends IllegalStateException {
        ForeignSigningKey(String logs, String mine) {
            super("the log's checkpoints are signed with " + logs + ", but this node's key is " + mine
                    + ": give every node the same ledger.log.key-file (and ledger.log.origin)");
        }
    }

    /** Keeps a signed checkpoint (a second one of the same size is dropped) and returns the one kept. */
    public SignedCheckpoint keep(SignedCheckpoint signed) {
        try {
            checkpoints.insertOne(new Document("_id", signed.size())
                    .append("root", signed.checkpoint().rootBase64())
                    .append("origin", signed.checkpoint().origin())
                    .append("signedAt", Date.from(signed.signedAt()))
                    .append("note", signed.note()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        state.updateOne(Filters.eq("_id", LATEST), Updates.max("size", signed.size()), new UpdateOptions().upsert(true));
        return at(signed.size()).orElse(signed);
    }

    /** The checkpoint of exactly this tree size, if one was signed. */
    public Optional<SignedCheckpoint> at(long size) {
        return Optional.ofNullable(checkpoints.find(Filters.eq("_id", size)).first()).map(Checkpoints::read);
    }

    /** The checkpoint of the largest tree signed so far. */
    public Optional<SignedCheckpoint> latest() {
        Document latest = state.find(Filters.eq("_id", LATEST)).first();
        return latest == null ? Optional.empty() : at(((Number) latest.get("size")).longValue());
    }

    /** Every checkpoint, smallest tree first (a scan: for the list endpoint and auditors, not a hot path). */
    public List<SignedCheckpoint> all() {
        List<SignedCheckpoint> all = new ArrayList<>();
        checkpoints.find().batchSize(1000).forEach(document -> all.add(read(document)));
        all.sort(Comparator.comparingLong(SignedCheckpoint::size));
        return all;
    }

    private static SignedCheckpoint read(Document document) {
        Checkpoint checkpoint = new Checkpoint(document.getString("origin"),
                ((Number) document.get("_id")).longValue(), Base64.getDecoder().decode(document.getString("root")));
        return new SignedCheckpoint(checkpoint, document.getDate("signedAt").toInstant(), document.getString("note"));
    }
}
