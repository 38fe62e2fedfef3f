package org.festivalledger.submission;

import java.util.List;

/**
 * One page of a search among a competition's entries, in the order they were received: the lines of this page only,
 * how many entries matched in all, and the countries the competition's entries come from (for the country filter).
 */
public record EntryPage(List<SubmissionView> entries, int matching, int page, int pageSize, int competitionEntries,
                        List<String> countries) {

    public EntryPage {
        entries = List.copyOf(entries);
        countries = List.copyOf(countries);
    }

    /** How many pages the matching entries fill (at least one, which may be empty). */
    public int pages() {
        return Math.max(1, (matching + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    /** The position (from 1) of this page's first line among the matching entries; 0 when nothing matched. */
    public int firstLine() {
        return entries.isEmpty() ? 0 : (page - 1) * pageSize + 1;
    }

    public int lastLine() {
        return entries.isEmpty() ? 0 : firstLine() + entries.size() - 1;
    }
}
