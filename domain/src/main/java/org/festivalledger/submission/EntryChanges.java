package org.festivalledger.submission;

import java.util.List;

/**
 * What an amendment changes in an entry: each field given replaces the entry's; a {@code null} field is left as it
 * was. As recorded, it holds only the fields whose values really changed.
 */
public record EntryChanges(String title, List<String> team, String country, Integer runtimeMinutes, String synopsis,
                           AiDisclosure aiDisclosure) {

    /** {@code entry} with these changes made. */
    public Entry applyTo(Entry entry) {
        return new Entry(title != null ? title : entry.title(), team != null ? team : entry.team(),
                country != null ? country : entry.country(),
                runtimeMinutes != null ? runtimeMinutes : entry.runtimeMinutes(),
                synopsis != null ? synopsis : entry.synopsis(), aiDisclosure != null ? aiDisclosure : entry.aiDisclosure());
    }

    /** Only what differs between {@code before} and {@code after}. */
    public static EntryChanges between(Entry before, Entry after) {
        return new EntryChanges(changed(before.title(), after.title()), changed(before.team(), after.team()),
                changed(before.country(), after.country()),
                before.runtimeMinutes() == after.runtimeMinutes() ? null : after.runtimeMinutes(),
                changed(before.synopsis(), after.synopsis()), changed(before.aiDisclosure(), after.aiDisclosure()));
    }

    public boolean isEmpty() {
        return title == null && team == null && country == null && runtimeMinutes == null && synopsis == null
                && aiDisclosure == null;
    }

    private static <T> T changed(T before, T after) {
        return java.util.Objects.equals(before, after) ? null : after;
    }
}
