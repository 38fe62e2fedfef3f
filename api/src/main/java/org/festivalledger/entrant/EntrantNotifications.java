package org.festivalledger.entrant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import org.festivalledger.competition.CompetitionCatalogue;
import org.festivalledger.competition.CompetitionView;
import org.festivalledger.publication.ResultsPublished;
import org.festivalledger.submission.SubmissionAmended;
import org.festivalledger.submission.SubmissionReceived;
import org.festivalledger.submission.SubmissionRuledIneligible;
import org.festivalledger.submission.SubmissionWithdrawn;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Turns the ledger's events into the notifications due to entrants ({@link EntrantOutbox}): the receipt of their
 * entry, an ineligibility ruling with its reason, a withdrawal, and the publication of the results of a competition
 * they entered. A tracking processor with its token in MongoDB, so it goes on where it stopped after a restart, on
 * whichever node holds its claim; what it queues has a deterministic id ({@code <kind>:<event id>:<entrant>}), so an
 * event handled again after a crash queues nothing new, and nothing is lost: a notification is queued before the
 * token passes its event. Sending is the outbox's sender's ({@link EntrantNotificationSender}), never this handler's.
 * <p>
 * Which entrant an entry belongs to is learnt from its receipt, kept in {@value #ENTRIES} (the entry's id, the
 * entrant's pseudonymous id and the title: no personal data), because a ruling names only the entry.
 */
@Component
@ProcessingGroup(EntrantNotifications.PROCESSING_GROUP)
class EntrantNotifications {

    static final String PROCESSING_GROUP = org.festivalledger.storage.Policies.ENTRANT_NOTIFICATIONS;
    static final String ENTRIES = "entrant_notification_entries";

    private final EntrantOutbox outbox;
    private final CompetitionCatalogue catalogue;
    private final MongoCollection<Document> entries;

    EntrantNotifications(EntrantOutbox outbox, CompetitionCatalogue catalogue, MongoDatabase database) {
        this.outbox = outbox;
        this.catalogue = catalogue;
        this.entries = database.getCollection(ENTRIES);
    }

    @EventHandler
    void on(SubmissionReceived event, @MessageIdentifier String eventId, TrackingToken token) {
        if (event.entrantId() == null) {
            return; // an organiser's entry: no entrant to tell
        }
        entries.replaceOne(Filters.eq("_id", event.submissionId()), new Document("_id", event.submissionId())
                        .append("entrantId", event.entrantId()).append("competitionId", event.competitionId())
                        .append("title", event.entry().title()), new ReplaceOptions().upsert(true));
        queue(EntrantOutbox.Kind.RECEIVED, eventId, event.entrantId(), event.competitionId(), event.submissionId(),
                event.entry().title(), null, token);
    }

    @EventHandler
    void on(SubmissionAmended event) {
        if (event.changed().title() != null) {
            entries.updateOne(Filters.eq("_id", event.submissionId()),
                    new Document("$set", new Document("title", event.changed().title())));
        }
    }

    @EventHandler
    void on(SubmissionRuledIneligible event, @MessageIdentifier String eventId, TrackingToken token) {
        about(event.submissionId(), EntrantOutbox.Kind.INELIGIBLE, eventId, event.reason(), token);
    }

    @EventHandler
    void on(SubmissionWithdrawn event, @MessageIdentifier String eventId, TrackingToken token) {
        about(event.submissionId(), EntrantOutbox.Kind.WITHDRAWN, eventId, event.reason(), token);
    }

    /** Every entrant with an entry in the competition hears once that its results are out. */
    @EventHandler
    void on(ResultsPublished event, @MessageIdentifier String eventId, TrackingToken token) {
        Set<String> entrants = new LinkedHashSet<>();
        entries.find(Filters.eq("competitionId", event.competitionId()))
                .forEach(entry -> entrants.add(entry.getString("entrantId")));
        for (String entrantId : entrants) {
            queue(EntrantOutbox.Kind.RESULTS, eventId, entrantId, event.competitionId(), null, null, null, token);
        }
    }

    private void about(String submissionId, EntrantOutbox.Kind kind, String eventId, String reason,
                       TrackingToken token) {
        Document entry = entries.find(Filters.eq("_id", submissionId)).first();
        if (entry != null) {
            queue(kind, eventId, entry.getString("entrantId"), entry.getString("competitionId"), submissionId,
                    entry.getString("title"), reason, token);
        }
    }

    private void queue(EntrantOutbox.Kind kind, String eventId, String entrantId, String competitionId,
                       String submissionId, String title, String reason, TrackingToken token) {
        String competitionName = catalogue.find(competitionId).map(CompetitionView::name).orElse(competitionId);
        long position = token == null ? 0 : token.position().orElse(0);
        outbox.queue(kind.name().toLowerCase() + ":" + eventId + ":" + entrantId, entrantId, kind, competitionId,
                competitionName, submissionId, title, reason, position);
    }
}
