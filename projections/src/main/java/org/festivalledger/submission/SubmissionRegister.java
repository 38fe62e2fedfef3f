package org.festivalledger.submission;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.festivalledger.view.StoredViews;
import org.festivalledger.view.ViewPositions;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The register of entries per competition, with their status, served from memory. Each competition's entries are
 * kept in the order they were received, so a search walks one competition's entries once and copies out only the
 * page asked for: with 10,000 entries a page costs one pass in memory, never a read of the store.
 */
@Component
@ProcessingGroup(SubmissionRegister.PROCESSING_GROUP)
public class SubmissionRegister {

    public static final String PROCESSING_GROUP = "submissions";

    private final StoredViews<SubmissionView> stored;
    private final ViewPositions positions;
    private final Map<String, SubmissionView> submissions = new ConcurrentHashMap<>();
    /** Per competition, its entries in the order they were received. */
    private final Map<String, NavigableMap<Received, SubmissionView>> byCompetition = new ConcurrentHashMap<>();

    /** Where an entry stands in its competition's order: when it was received, then its id. */
    private record Received(Instant at, String id) implements Comparable<Received> {

        private static final Comparator<Received> ORDER = Comparator.comparing(Received::at,
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Received::id);

        @Override
        public int compareTo(Received other) {
            return ORDER.compare(this, other);
        }
    }

    public SubmissionRegister(MongoDatabase database) {
        this.stored = new StoredViews<>(database, "view_submissions", SubmissionView.class);
        this.positions = new ViewPositions(database);
        stored.loadAll().values().forEach(this::index);
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
        byCompetition.clear();
        stored.clear();
    }

    private void put(SubmissionView view) {
        index(view);
        stored.save(view.id(), view);
    }

    private void index(SubmissionView view) {
        submissions.put(view.id(), view);
        byCompetition.computeIfAbsent(view.competitionId(), competition -> new ConcurrentSkipListMap<>())
                .put(new Received(view.receivedAt(), view.id()), view);
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

    /** A competition's entries in the order they were received (entries received at one moment, by id). */
    public List<SubmissionView> of(String competitionId) {
        return List.copyOf(entriesOf(competitionId).values());
    }

    /**
     * One page of the competition's entries that match {@code search}, in the order they were received; a page past
     * the last gives the last. One pass over the competition's entries, copying only the page's lines.
     */
    public EntryPage search(String competitionId, EntrySearch search) {
        NavigableMap<Received, SubmissionView> entries = entriesOf(competitionId);
        int from = (search.page() - 1) * search.pageSize();
        List<SubmissionView> page = new ArrayList<>();
        TreeSet<String> countries = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        // The last full page, kept while walking, in case the page asked for lies past the end.
        List<SubmissionView> lastPage = new ArrayList<>();
        int matching = 0;
        int total = 0;
        for (SubmissionView entry : entries.values()) {
            total++;
            if (entry.country() != null && !entry.country().isBlank()) {
                countries.add(entry.country());
            }
            if (!search.admits(entry)) {
                continue;
            }
            if (matching >= from && page.size() < search.pageSize()) {
                page.add(entry);
            }
            if (matching % search.pageSize() == 0) {
                lastPage.clear();
            }
            lastPage.add(entry);
            matching++;
        }
        int pageNumber = search.page();
        if (page.isEmpty() && matching > 0) {
            pageNumber = (matching + search.pageSize() - 1) / search.pageSize();
            page = lastPage;
        }
        return new EntryPage(page, matching, pageNumber, search.pageSize(), total, List.copyOf(countries));
    }

    /** How many of the competition's entries stand at each status. */
    public Map<SubmissionStatus, Long> countsOf(String competitionId) {
        Map<SubmissionStatus, Long> counts = new EnumMap<>(SubmissionStatus.class);
        for (SubmissionStatus status : SubmissionStatus.values()) {
            counts.put(status, 0L);
        }
        entriesOf(competitionId).values().forEach(entry -> counts.merge(entry.status(), 1L, Long::sum));
        return counts;
    }

    private NavigableMap<Received, SubmissionView> entriesOf(String competitionId) {
        return byCompetition.getOrDefault(competitionId, new ConcurrentSkipListMap<>());
    }
}
