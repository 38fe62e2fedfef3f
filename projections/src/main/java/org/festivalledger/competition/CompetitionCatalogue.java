package org.festivalledger.competition;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.festivalledger.view.StoredViews;
import org.festivalledger.view.ViewPositions;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every competition announced on the ledger, served from memory. */
@Component
@ProcessingGroup(CompetitionCatalogue.PROCESSING_GROUP)
public class CompetitionCatalogue {

    public static final String PROCESSING_GROUP = "competitions";

    private final StoredViews<CompetitionView> stored;
    private final ViewPositions positions;
    private final Map<String, CompetitionView> competitions = new ConcurrentHashMap<>();

    public CompetitionCatalogue(MongoDatabase database) {
        this.stored = new StoredViews<>(database, "view_competitions", CompetitionView.class);
        this.positions = new ViewPositions(database);
        competitions.putAll(stored.loadAll());
    }

    @EventHandler
    void on(CompetitionAnnounced event, @Timestamp Instant announcedAt) {
        CompetitionView view = new CompetitionView(event.competitionId(), event.name(), event.edition(),
                event.criteria(), event.rules(), event.awardCategories(), announcedAt);
        competitions.put(view.id(), view);
        stored.save(view.id(), view);
    }

    @ResetHandler
    void reset() {
        positions.clear(PROCESSING_GROUP); // first: a crash mid-rebuild must not resume from the old position
        competitions.clear();
        stored.clear();
    }

    public Optional<CompetitionView> find(String competitionId) {
        return Optional.ofNullable(competitions.get(competitionId));
    }

    /** All competitions, the most recently announced first. */
    public List<CompetitionView> all() {
        return competitions.values().stream()
                .sorted(Comparator.comparing(CompetitionView::announcedAt).reversed()
                        .thenComparing(CompetitionView::id))
                .toList();
    }
}
