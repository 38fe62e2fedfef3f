package org.festivalledger.judging;

import org.festivalledger.competition.AwardCategory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the judging remembers of its decisions: the award categories announced, the awards conferred (and
 * revoked), each round's shortlist, the entries no longer in contention, whether the results were ever
 * published, and whether a decision awaits the next publication.
 */
final class Honours {

    /** One award: revoked ones are kept, as the ledger keeps them. */
    record Award(String awardId, String categoryId, String submissionId, boolean revoked) {
    }

    private List<AwardCategory> categories = new ArrayList<>();
    private Map<String, Award> awards = new LinkedHashMap<>();
    private Map<String, List<String>> shortlists = new LinkedHashMap<>();
    // Entry → why it left (withdrawn or ruled ineligible).
    private Map<String, String> leftContention = new LinkedHashMap<>();
    private boolean published;
    // A shortlist or award recorded since the last publication, which the next publication makes public.
    private boolean unpublishedDecisions;

    /** For Jackson, which reads the judging's snapshots. */
    Honours() {
    }

    Honours(List<AwardCategory> categories) {
        // Judgings established before award categories were recorded with them have none.
        this.categories = categories == null ? new ArrayList<>() : new ArrayList<>(categories);
    }

    Optional<AwardCategory> category(String categoryId) {
        return categories.stream().filter(category -> category.id().equals(categoryId)).findFirst();
    }

    Optional<Award> award(String awardId) {
        return Optional.ofNullable(awards.get(awardId));
    }

    /** The standing (not revoked) awards of a category. */
    List<Award> winnersOf(String categoryId) {
        return awards.values().stream()
                .filter(award -> !award.revoked() && award.categoryId().equals(categoryId)).toList();
    }

    Optional<List<String>> shortlistOf(String roundId) {
        return Optional.ofNullable(shortlists.get(roundId));
    }

    Map<String, String> leftContention() {
        return leftContention;
    }

    boolean hasLeftContention(String submissionId) {
        return leftContention.containsKey(submissionId);
    }

    boolean isPublished() {
        return published;
    }

    boolean hasUnpublishedDecisions() {
        return unpublishedDecisions;
    }

    void conferred(String awardId, String categoryId, String submissionId) {
        awards.put(awardId, new Award(awardId, categoryId, submissionId, false));
        unpublishedDecisions = true;
    }

    void revoked(String awardId) {
        Award award = awards.get(awardId);
        awards.put(awardId, new Award(awardId, award.categoryId(), award.submissionId(), true));
    }

    void shortlisted(String roundId, List<String> entries) {
        shortlists.put(roundId, List.copyOf(entries));
        unpublishedDecisions = true;
    }

    void leftContention(String submissionId, String reason) {
        leftContention.put(submissionId, reason);
    }

    void published() {
        published = true;
        unpublishedDecisions = false;
    }
}
