package org.festivalledger.entrant;

import org.festivalledger.language.PageLanguage;

import java.time.Instant;

/**
 * One entrant as the erasable store knows them: the pseudonymous id the ledger names them by, and, until they ask
 * for erasure, how to reach them. An erased entrant keeps only the id and when the data was erased.
 *
 * @param email    their address; {@code null} once erased
 * @param name     the name they gave for contact, if any; {@code null} once erased
 * @param language the language they read their mail and pages in
 * @param erasedAt when their contact data was erased; {@code null} while it is kept
 */
public record Entrant(String id, String email, String name, PageLanguage language, Instant erasedAt) {

    public boolean erased() {
        return erasedAt != null;
    }
}
