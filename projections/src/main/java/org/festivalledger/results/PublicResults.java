package org.festivalledger.results;

import org.festivalledger.competition.AwardCategory;
import org.festivalledger.competition.CompetitionCatalogue;
import org.festivalledger.competition.CompetitionView;
import org.festivalledger.results.PublishedResults.PublicAward;
import org.festivalledger.results.PublishedResults.PublicEntry;
import org.festivalledger.results.PublishedResults.PublicShortlist;
import org.festivalledger.standings.JudgingBoard;
import org.festivalledger.standings.JudgingRecord;
import org.festivalledger.submission.SubmissionRegister;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The embargo in one place: every public view of results (the JSON endpoint and the page) asks here, and gets
 * nothing until the competition's results are first published, then each decision from the publication after it
 * ({@link Embargo}).
 */
@Component
public class PublicResults {

    private final CompetitionCatalogue catalogue;
    private final JudgingBoard board;
    private final SubmissionRegister register;

    public PublicResults(CompetitionCatalogue catalogue, JudgingBoard board, SubmissionRegister register) {
        this.catalogue = catalogue;
        this.board = board;
        this.register = register;
    }

    /** The competitions the public can know of, in order of announcement. */
    public List<CompetitionView> competitions() {
        return catalogue.all();
    }

    public Optional<CompetitionView> competition(String competitionId) {
        return catalogue.find(competitionId);
    }

    /** The published results, or nothing while the competition (if it exists at all) is under embargo. */
    public Optional<PublishedResults> of(String competitionId) {
        Optional<CompetitionView> competition = catalogue.find(competitionId);
        if (competition.isEmpty()) {
            return Optional.empty();
        }
        return board.read(competitionId, record -> Embargo.everPublished(record) ? results(competition.get(), record)
                : null);
    }

    private PublishedResults results(CompetitionView competition, JudgingRecord record) {
        List<AwardCategory> categories = competition.awardCategories();
        List<PublicAward> awards = record.awards().stream()
                // A revoked award leaves at once; a new one waits for the publication after it (Embargo).
                .filter(award -> !award.revoked() && Embargo.publishedAt(record, award.recordedAt()).isPresent())
                .sorted(Comparator.comparingInt(award -> categoryOrder(categories, award.conferral().categoryId())))
                .map(award -> new PublicAward(award.conferral().awardId(), award.conferral().categoryId(),
                        categoryName(categories, award.conferral().categoryId()),
                        entry(award.conferral().submissionId()), award.conferral().citation(),
                        Embargo.publishedAt(record, award.recordedAt()).orElseThrow()))
                .toList();
        List<PublicShortlist> shortlists = record.shortlists().stream()
                .filter(shortlist -> Embargo.publishedAt(record, shortlist.recordedAt()).isPresent())
                .map(shortlist -> {
                    String roundId = shortlist.decision().roundId();
                    String roundName = record.round(roundId).map(JudgingRecord.Round::name).orElse(roundId);
                    return new PublicShortlist(roundId, roundName,
                            shortlist.decision().shortlist().stream().map(this::entry)
                                    .sorted(Comparator.comparing(PublicEntry::title, String.CASE_INSENSITIVE_ORDER)
                                            .thenComparing(PublicEntry::submissionId))
                                    .toList(),
                            Embargo.publishedAt(record, shortlist.recordedAt()).orElseThrow());
                })
                .toList();
        return new PublishedResults(competition.id(), competition.name(), competition.edition(),
                record.publication().orElseThrow().publishedAt(), awards, shortlists,
                record.publication().orElseThrow().recordedAt(), record.publications().stream()
                .map(publication -> new PublishedResults.Publication(publication.publishedAt(),
                        publication.recordedAt())).toList());
    }

    private PublicEntry entry(String submissionId) {
        return register.find(submissionId)
                .map(view -> new PublicEntry(view.id(), view.title(), view.team(), view.country(),
                        view.runtimeMinutes()))
                .orElse(new PublicEntry(submissionId, submissionId, List.of(), null, 0));
    }

    private static int categoryOrder(List<AwardCategory> categories, String categoryId) {
        for (int i = 0; i < categories.size(); i++) {
            if (categories.get(i).id().equals(categoryId)) {
                return i;
            }
        }
        return categories.size();
    }

    private static String categoryName(List<AwardCategory> categories, String categoryId) {
        return categories.stream().filter(category -> category.id().equals(categoryId)).map(AwardCategory::name)
                .findFirst().orElse(categoryId);
    }
}
