package org.festivalledger.submission;

import java.util.Locale;

/**
 * What an organiser looks for among a competition's entries: words in the title or a team member's name (any case),
 * a status, a country, an AI workflow ({@code null} lets everything through), and which page of how many lines.
 */
public record EntrySearch(String words, SubmissionStatus status, String country, AiWorkflow workflow, int page,
                          int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 500;

    public EntrySearch {
        words = words == null || words.isBlank() ? null : words.strip().toLowerCase(Locale.ROOT);
        country = country == null || country.isBlank() ? null : country.strip();
        page = Math.max(1, page);
        pageSize = pageSize <= 0 ? DEFAULT_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
    }

    /** Every entry, first page. */
    public static EntrySearch everything() {
        return new EntrySearch(null, null, null, null, 1, DEFAULT_PAGE_SIZE);
    }

    boolean admits(SubmissionView entry) {
        return (status == null || status == entry.status())
                && (country == null || country.equalsIgnoreCase(entry.country()))
                && (workflow == null || (entry.aiDisclosure() != null && workflow == entry.aiDisclosure().workflow()))
                && (words == null || mentions(entry));
    }

    private boolean mentions(SubmissionView entry) {
        if (entry.title() != null && entry.title().toLowerCase(Locale.ROOT).contains(words)) {
            return true;
        }
        return entry.team() != null && entry.team().stream()
                .anyMatch(member -> member != null && member.toLowerCase(Locale.ROOT).contains(words));
    }
}
