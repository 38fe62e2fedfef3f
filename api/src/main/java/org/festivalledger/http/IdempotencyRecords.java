package org.festivalledger.http;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.Document;
import org.bson.types.Binary;
import org.festivalledger.ledger.LedgerLog;
import org.springframework.stereotype.Component;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The kept answers of idempotent requests, one document per account and key, found by exact key.
 * A request claims its key first (so two copies sent at once cannot both run), then stores its answer.
 * <p>
 * A claim names the process that made it. Where this process is the store's sole writer ({@link
 * LedgerLog#isSoleWriter()}: the embedded store on a port no other node was given), a claim made by any other (an
 * earlier run that crashed) is dead at once and a retry after the restart proceeds without waiting; on a store other
 * nodes may write (a shared MongoDB, or an embedded store on a fixed port) another node's claim is trusted for 30 s.
 * Either way a retry that proceeds cannot record twice: the ledger refuses a second commit with the same key.
 */
@Component
public class IdempotencyRecords {

    /** A claim older than this belongs to a request that died; a retry may take it over. */
    private static final Duration STALE_CLAIM = Duration.ofSeconds(30);
    private static final List<String> KEPT_HEADERS = List.of("Location", LedgerPositionHeader.NAME, "Content-Type");

    private final MongoCollection<Document> records;
    private final Clock clock;
    private final String process = UUID.randomUUID().toString();
    private final boolean soleWriter;

    IdempotencyRecords(MongoDatabase database, Clock clock, LedgerLog ledger) {
        this.records = database.getCollection("idempotency_keys").withWriteConcern(WriteConcern.MAJORITY);
        this.clock = clock;
        this.soleWriter = ledger.isSoleWriter();
    }

    /** What to do with a request: carry it out (afresh, or taking over a dead claim), answer again, or refuse. */
    enum Kind { PROCEED, REPLAY, KEY_REUSED, IN_PROGRESS }

    record Outcome(Kind kind, StoredResponse response) {
    }

    /** An answer as it was first given. */
    record StoredResponse(int status, Document headers, byte[] body) {

        static StoredResponse of(ContentCachingResponseWrapper response) {
            Document headers = new Document();
            for (String name : KEPT_HEADERS) {
                String value = response.getHeader(name);
                if (value != null) {
                    headers.append(name, value);
                }
            }
            return new StoredResponse(response.getStatus(), headers, response.getContentAsByteArray());
        }

        /** The response's status and headers with another body (a redacted one). */
        static StoredResponse of(ContentCachingResponseWrapper response, byte[] body) {
            StoredResponse sent = of(response);
            return new StoredResponse(sent.status(), sent.headers(), body);
        }

        void writeTo(HttpServletResponse response) throws IOException {
            response.setStatus(status);
            headers.forEach((name, value) -> response.setHeader(name, value.toString()));
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(body);
        }
    }

    Outcome begin(String id, String fingerprint) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Document existing = records.find(Filters.eq("_id", id)).first();
            if (existing == null) {
                try {
                    records.insertOne(new Document("_id", id).append("fingerprint", fingerprint)
                            .append("state", "IN_PROGRESS").append("claimedAt", Date.from(clock.instant()))
                            .append("process", process));
                    return new Outcome(Kind.PROCEED, null);
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    continue; // a copy of this request claimed the key first: look again
                }
            }
            if (!fingerprint.equals(existing.getString("fingerprint"))) {
                return new Outcome(Kind.KEY_REUSED, null);
            }
            if ("DONE".equals(existing.getString("state"))) {
                return new Outcome(Kind.REPLAY, new StoredResponse(existing.getInteger("status"),
                        existing.get("headers", Document.class), existing.get("body", Binary.class).getData()));
            }
            if (!isDead(existing) || !takeOver(existing)) {
                return new Outcome(Kind.IN_PROGRESS, null);
            }
            // The claimant died, perhaps after recording: the caller looks in the ledger before carrying it out.
            return new Outcome(Kind.PROCEED, null);
        }
        return new Outcome(Kind.IN_PROGRESS, null);
    }

    private boolean isDead(Document claim) {
        if (soleWriter && !process.equals(claim.getString("process"))) {
            return true;
        }
        return !claim.getDate("claimedAt").toInstant().plus(STALE_CLAIM).isAfter(clock.instant());
    }

    /**
     * Takes a dead claim over, once: two copies of a retry arriving together both find it dead, and only the first
     * may proceed (within this process; across nodes the ledger's unique key is what keeps it to one record).
     */
    private synchronized boolean takeOver(Document claim) {
        Document now = records.find(Filters.eq("_id", claim.get("_id"))).first();
        if (now == null || !"IN_PROGRESS".equals(now.getString("state"))
                || !now.getDate("claimedAt").equals(claim.getDate("claimedAt"))
                || !Objects.equals(now.getString("process"), claim.getString("process"))) {
            return false;
        }
        records.updateOne(Filters.eq("_id", claim.get("_id")), Updates.combine(
                Updates.set("claimedAt", Date.from(clock.instant())), Updates.set("process", process)));
        return true;
    }

    void complete(String id, String fingerprint, StoredResponse response) {
        records.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("fingerprint", fingerprint)
                .append("state", "DONE").append("status", response.status()).append("headers", response.headers())
                .append("body", new Binary(response.body())).append("completedAt", Date.from(clock.instant())));
    }

    void abandon(String id) {
        records.deleteOne(Filters.eq("_id", id));
    }
}
