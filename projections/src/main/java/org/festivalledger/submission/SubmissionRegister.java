package org.festivalledger.submission;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.festivalledger.view.StoredViews;
import org.festivalledger.view.ViewPositions;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The register of entries per competition, with their status, served from memory. */
@Component
@ProcessingGroup(SubmissionRegister.PROCESSING_GROUP)
public class SubmissionRegister {

    public static final String PROCESSING_GROUP = "submissions";

    private final StoredViews<SubmissionView> stored;
    private final ViewPositions positions;
    private final Map<String, SubmissionView> submissions = new ConcurrentHashMap<>();

    public SubmissionRegister(MongoDatabase database) {
        this.stored = new StoredViews<>(database, "view_submissions", SubmissionView.class);
        this.positions = new ViewPositions(database);
        submissions.putAll(stored.loadAll());
    }

    @EventHandler
    void on(SubmissionReceived event) {
        put(SubmissionView.received(event));
    }

    @EventHandler
    void on(SubmissionAmended event) {
        find(event.submissionId()).ifPresent(view -> put(view.amended(event.changed())));
    }

    @EventHandler
    void on(SubmissionWithdrawn event) {
        find(event.submissionId()).ifPresent(view -> put(view.with(SubmissionStatus.WITHDRAWN, event.reason())));
    }

    @EventHandler
    void on(SubmissionRuledIneligible event) {
        find(event.submissionId()).ifPresent(view -> put(view.with(SubmissionStatus.INELIGIBLE, event.reason())));
    }

    @ResetHandler
    void reset() {
        positions.clear(PROCESSING_GROUP); // first: a crash mid-rebuild must not resume from the old position
        submissions.clear();
        stored.clear();
    }

    private void put(SubmissionView view) {
        submissions.put(view.id(), view);
        stored.save(view.id(), view);
    }

    public Optional<SubmissionView> find(String submissionId) {
        return Optional.ofNullable(submissions.get(submissionId));
    }

    /** The entries an entrant sent themselves, in the order they were received. */
    public List<SubmissionView> byEntrant(String entrantId) {
        return submissions.values().stream()
                .filter(view -> entrantId.equals(view.entrantId()))
                .sorted(Comparator.comparing(SubmissionView::receivedAt).thenComparing(SubmissionView::id))
                .toList();
    }

    /** A competition's entries in the order they were received. */
    public List<SubmissionView> of(String competitionId) {
        return submissions.values().stream()
                .filter(view -> view.competitionId().equals(competitionId))
                .sorted(Comparator.comparing(SubmissionView::receivedAt).thenComparing(SubmissionView::id))
                .toList();
    }
}
