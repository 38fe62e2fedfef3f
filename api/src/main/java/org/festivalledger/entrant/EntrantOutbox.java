package org.festivalledger.entrant;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.embedded.EmbeddedMongoStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The notifications due to entrants, one document each under a deterministic id (what it is about and the ledger
 * event that caused it), in MongoDB: the outbox between the ledger and the mail server. A notification is queued once
 * however often its event is handled again (a restart replays the events after the processor's last stored token: the
 * same id is refused), and is sent until it succeeds, with backoff, every attempt's outcome recorded in it. It names
 * the entrant by their pseudonymous id only: the address is looked up when it is sent, so erasure leaves none here.
 * <p>
 * Each notification carries the Message-ID its mail is sent with, random (it says nothing of the entrant or the
 * event) and chosen when it is queued, so every attempt at the same notification (a retry after a failure, a send
 * again after a crash) goes out as the same message, which a receiver can recognise; an organiser's resend is a new
 * message with a new one.
 * <p>
 * A claim names the process that made it. Where this process is the store's sole writer ({@link
 * LedgerLog#isSoleWriter()}: the embedded store on a port no other node was given), a claim left by any other (an
 * earlier run that crashed mid-send) is dead at once and its notification is sent again as soon as the sender runs;
 * on a store other nodes may write (a shared MongoDB, or an embedded store on a fixed port) another node's claim is
 * trusted for {@code ledger.entrants.send-claim-timeout} (2 minutes): it may be sending that mail right now.
 */
@Component
public class EntrantOutbox {

    static final String COLLECTION = "entrant_notifications";
    /** After this many failed attempts a notification is given up (an organiser may resend it). */
    static final int MAX_ATTEMPTS = 8;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * The outcome recorded for a send that a crash interrupted: the mail server may have accepted it before the
     * process died, so the entrant may receive it twice, as the same message (one Message-ID).
     */
    public static final String INTERRUPTED = "interrupted while sending (the mail server may have accepted it);"
            + " sent again as the same message";

    /** What a notification is about; each has its own bilingual mail ({@code mail.<kind>.*}). */
    public enum Kind { RECEIVED, INELIGIBLE, WITHDRAWN, RESULTS }

    public enum Status { PENDING, SENDING, SENT, FAILED, DROPPED }

    /** One outcome of one attempt (or of an organiser's resend). */
    public record Outcome(Instant at, String outcome) {
    }

    /**
     * A notification as stored.
     *
     * @param position the ledger position of the event it tells of
     */
    public record Notification(String id, String entrantId, Kind kind, String competitionId, String competitionName,
                               String submissionId, String title, String reason, long position, Status status,
                               int attempts, String messageId, List<Outcome> outcomes) {
    }

    private final MongoCollection<Document> notifications;
    private final Clock clock;
    private final String messageIdDomain;
    /** A claim older than this belongs to a sender that died mid-send: the notification is sent again. */
    private final Duration staleClaim;
    private final String process = UUID.randomUUID().toString();
    private final boolean soleWriter;

    EntrantOutbox(MongoDatabase database, Clock clock, ObjectProvider<EmbeddedMongoStore> embedded,
                  EntrantProperties properties, LedgerLog ledger) {
        this.notifications = database.getCollection(COLLECTION).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
        this.clock = clock;
        this.staleClaim = properties.sendClaimTimeout();
        String from = properties.mailFrom();
        String domain = from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
        this.messageIdDomain = domain.isEmpty() ? "localhost" : domain;
        this.soleWriter = ledger.isSoleWriter();
        if (embedded.getIfAvailable() == null) {
            // The embedded store keeps only unique indexes (it scans, and the outbox is small); a real MongoDB
            // finds the due notifications and an entry's by index.
            notifications.createIndex(Indexes.ascending("status", "nextAttemptAt"));
            notifications.createIndex(Indexes.ascending("submissionId"));
        }
    }

    /** Queues a notification unless one with its id is queued already; whether it was new. */
    boolean queue(String id, String entrantId, Kind kind, String competitionId, String competitionName,
                  String submissionId, String title, String reason, long position) {
        Instant now = clock.instant();
        Document document = new Document("_id", id).append("entrantId", entrantId).append("kind", kind.name())
                .append("competitionId", competitionId).append("competitionName", competitionName)
                .append("submissionId", submissionId).append("title", title).append("reason", reason)
                .append("position", position).append("status", Status.PENDING.name()).append("attempts", 0)
                .append("messageId", newMessageId()).append("nextAttemptAt", Date.from(now))
                .append("queuedAt", Date.from(now))
                .append("outcomes", List.of(outcome(now, "queued")));
        try {
            notifications.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false; // handled before (a replay after a restart): queued once, sent once
            }
            throw e;
        }
    }

    /** Claims the next notification due, if any: no other sender (on any node) takes it meanwhile. */
    Optional<Notification> claimNext() {
        releaseDeadClaims();
        Instant now = clock.instant();
        return claim(Filters.lte("nextAttemptAt", Date.from(now)), now);
    }

    /**
     * A sender that died mid-send left its claim: the notification is due again (at once if the claim is an earlier
     * run's on a store this process alone writes, else after a while). Whether the mail server had accepted it is not known (nothing
     * can record that atomically with the acceptance): it goes out again as the same message.
     */
    void releaseDeadClaims() {
        Instant now = clock.instant();
        Bson dead = Filters.lt("claimedAt", Date.from(now.minus(staleClaim)));
        if (soleWriter) {
            dead = Filters.or(dead, Filters.ne("process", process));
        }
        notifications.updateMany(Filters.and(Filters.eq("status", Status.SENDING.name()), dead),
                Updates.combine(Updates.set("status", Status.PENDING.name()),
                        Updates.push("outcomes", outcome(now, INTERRUPTED))));
    }

    /** Claims one notification, due or not (tests, which look at one notification among others). */
    Optional<Notification> claim(String id) {
        return claim(Filters.eq("_id", id), clock.instant());
    }

    private Optional<Notification> claim(Bson which, Instant now) {
        Document claimed = notifications.findOneAndUpdate(Filters.and(Filters.eq("status", Status.PENDING.name()),
                        which),
                Updates.combine(Updates.set("status", Status.SENDING.name()), Updates.set("claimedAt", Date.from(now)),
                        Updates.set("process", process)),
                new FindOneAndUpdateOptions().sort(Sorts.ascending("nextAttemptAt")).returnDocument(ReturnDocument.AFTER));
        if (claimed != null && claimed.getString("messageId") == null) {
            // Queued before notifications had a Message-ID: it gets one now, before anything is sent, for good.
            String messageId = newMessageId();
            notifications.updateOne(Filters.eq("_id", claimed.get("_id")), Updates.set("messageId", messageId));
            claimed.append("messageId", messageId);
        }
        return Optional.ofNullable(claimed).map(EntrantOutbox::read);
    }

    /** A new Message-ID: 128 random bits, nothing about the entrant or the event (mail servers log it). */
    private String newMessageId() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return "<" + HexFormat.of().formatHex(random) + "@" + messageIdDomain + ">";
    }

    void sent(String id) {
        finish(id, Status.SENT, "sent");
    }

    /** The entrant's contact data was erased: nothing can be sent, nothing will be. */
    void dropped(String id, String why) {
        finish(id, Status.DROPPED, why);
    }

    /** A failed attempt: tried again later (5 s, doubling, at most an hour apart), or given up after the last. */
    void failed(Notification notification, String why) {
        Instant now = clock.instant();
        int attempts = notification.attempts() + 1;
        boolean giveUp = attempts >= MAX_ATTEMPTS;
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        if (wait.compareTo(LONGEST_RETRY) > 0) {
            wait = LONGEST_RETRY;
        }
        notifications.updateOne(Filters.eq("_id", notification.id()), Updates.combine(
                Updates.set("status", (giveUp ? Status.FAILED : Status.PENDING).name()),
                Updates.set("attempts", attempts), Updates.set("nextAttemptAt", Date.from(now.plus(wait))),
                Updates.push("outcomes", outcome(now, "failed (attempt " + attempts + "): " + why
                        + (giveUp ? "; given up" : "; retried after " + wait.toSeconds() + " s")))));
    }

    /**
     * Sends a notification again (an organiser's request): due now, with its attempts counted afresh, as a new
     * message (a new Message-ID: a receiver that drops a message it has seen must not drop this one).
     *
     * @return whether there is such a notification
     */
    public boolean resend(String id, String requestedBy) {
        Instant now = clock.instant();
        return notifications.updateOne(Filters.and(Filters.eq("_id", id), Filters.ne("status", Status.SENDING.name())),
                Updates.combine(Updates.set("status", Status.PENDING.name()), Updates.set("attempts", 0),
                        Updates.set("nextAttemptAt", Date.from(now)), Updates.set("messageId", newMessageId()),
                        Updates.push("outcomes", outcome(now, "resend requested by " + requestedBy))))
                .getMatchedCount() > 0;
    }

    public Optional<Notification> find(String id) {
        return Optional.ofNullable(notifications.find(Filters.eq("_id", id)).first()).map(EntrantOutbox::read);
    }

    /** Every notification about one entry, oldest first. */
    public List<Notification> about(String submissionId) {
        List<Notification> found = new ArrayList<>();
        notifications.find(Filters.eq("submissionId", submissionId)).sort(Sorts.ascending("position", "_id"))
                .map(EntrantOutbox::read).into(found);
        return found;
    }

    /** Every notification of one entrant (an erasure's check). */
    List<Notification> of(String entrantId) {
        List<Notification> found = new ArrayList<>();
        notifications.find(Filters.eq("entrantId", entrantId)).map(EntrantOutbox::read).into(found);
        return found;
    }

    private void finish(String id, Status status, String outcome) {
        Instant now = clock.instant();
        notifications.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", status.name()),
                Updates.unset("claimedAt"), Updates.unset("process"), Updates.push("outcomes", outcome(now, outcome))));
    }

    private static Document outcome(Instant at, String outcome) {
        return new Document("at", Date.from(at)).append("outcome", outcome);
    }

    private static Notification read(Document d) {
        List<Outcome> outcomes = d.getList("outcomes", Document.class, List.of()).stream()
                .map(o -> new Outcome(o.getDate("at").toInstant(), o.getString("outcome"))).toList();
        Number position = d.get("position", Number.class);
        Number attempts = d.get("attempts", Number.class);
        return new Notification(d.getString("_id"), d.getString("entrantId"), Kind.valueOf(d.getString("kind")),
                d.getString("competitionId"), d.getString("competitionName"), d.getString("submissionId"),
                d.getString("title"), d.getString("reason"), position == null ? 0 : position.longValue(),
                Status.valueOf(d.getString("status")), attempts == null ? 0 : attempts.intValue(),
                d.getString("messageId"), outcomes);
    }
}
