package org.festivalledger.entrant;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.language.PageLanguage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The erasable store: pseudonymous ids, addresses never stored readable, erasure that leaves only the id. */
class EntrantDirectoryTest extends LedgerTestApplication {

    @Autowired
    EntrantDirectory directory;

    @Autowired
    MongoDatabase database;

    @Test
    void anAddressIsOneEntrantUnderAPseudonymousIdAndIsNeverStoredReadable() {
        String email = "Mei.Lin+" + UUID.randomUUID() + "@Example.org";
        Entrant first = directory.enrol(email, PageLanguage.CHINESE);
        Entrant again = directory.enrol("  " + email.toLowerCase() + " ", PageLanguage.ENGLISH);

        assertThat(first.id()).startsWith("en_").doesNotContain("mei");
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.language()).isEqualTo(PageLanguage.CHINESE);
        assertThat(first.email()).isEqualTo(email.toLowerCase());
        assertThat(directory.findByEmail(email.toUpperCase())).map(Entrant::id).contains(first.id());

        Document stored = database.getCollection(EntrantDirectory.COLLECTION).find(new Document("_id", first.id())).first();
        assertThat(stored.toJson()).doesNotContainIgnoringCase("mei.lin").doesNotContainIgnoringCase("example.org");
    }

    @Test
    void erasureLeavesOnlyTheIdAndTheEntrantCannotBeFoundByAddressAgain() {
        String email = "erase-me-" + UUID.randomUUID() + "@example.org";
        Entrant entrant = directory.enrol(email, PageLanguage.ENGLISH);
        directory.nameForContact(entrant.id(), "Erase Me");
        String lookup = database.getCollection(EntrantDirectory.COLLECTION).find(new Document("_id", entrant.id()))
                .first().getString("lookup");

        assertThat(directory.erase(entrant.id())).isTrue();
        assertThat(directory.erase(entrant.id())).isFalse();

        Entrant erased = directory.find(entrant.id()).orElseThrow();
        assertThat(erased.erased()).isTrue();
        assertThat(erased.email()).isNull();
        assertThat(erased.name()).isNull();
        assertThat(directory.contact(entrant.id())).isEmpty();
        assertThat(directory.findByEmail(email)).isEmpty();
        Document stored = database.getCollection(EntrantDirectory.COLLECTION).find(new Document("_id", entrant.id())).first();
        assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", "lookup", "language", "erasedAt");
        assertThat(stored.toJson()).doesNotContain(lookup);

        // Asking again with the same address is a new entrant: nothing links the two.
        assertThat(directory.enrol(email, PageLanguage.ENGLISH).id()).isNotEqualTo(entrant.id());
    }
}
