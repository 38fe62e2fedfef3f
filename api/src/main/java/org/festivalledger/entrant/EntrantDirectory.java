package org.festivalledger.entrant;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.festivalledger.language.PageLanguage;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;

/**
 * The erasable store of entrants' personal data, beside the ledger (ADR 0014): one document per entrant in the
 * {@value #COLLECTION} collection, under the pseudonymous id ({@code en_…}) that ledger events name them by. It holds
 * the keyed hash of their address (to find them when they ask for a sign-in link), the address itself encrypted (to
 * send them mail), their language and an optional contact name. Erasure replaces the document by its id and the
 * time of erasure: nothing left in it, or anywhere else, leads back to the person, while every event that names the
 * id stays as it was, so the chain, the checkpoints and the entrant's receipts still verify.
 */
public class EntrantDirectory {

    static final String COLLECTION = "entrants";
    private static final String ID_PREFIX = "en_";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> entrants;
    private final EntrantDataKey key;
    private final Clock clock;

    EntrantDirectory(MongoDatabase database, EntrantDataKey key, Clock clock) {
        this.entrants = database.getCollection(COLLECTION).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
        this.key = key;
        this.clock = clock;
        // An erased entrant's lookup field is its own id, so it never collides with an address's hash or another's.
        entrants.createIndex(Indexes.ascending("lookup"), new IndexOptions().unique(true));
    }

    /**
     * The entrant with this address, enrolled now (with a new pseudonymous id) if the address is new. The language is
     * remembered on enrolment only; an entrant changes it with {@link #chooseLanguage}.
     */
    public Entrant enrol(String email, PageLanguage language) {
        String lookup = key.lookupKey(email);
        Optional<Entrant> known = findByLookup(lookup);
        if (known.isPresent()) {
            return known.get();
        }
        String id = newId();
        Document document = new Document("_id", id).append("lookup", lookup)
                .append("email", key.encrypt(EntrantDataKey.normalised(email)))
                .append("language", language.tag())
                .append("enrolledAt", Date.from(clock.instant()));
        try {
            entrants.insertOne(document);
            return read(document);
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
                // The same address enrolled at the same moment by another request: that one is the entrant.
                return findByLookup(lookup).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /** The entrant with this id, erased or not. */
    public Optional<Entrant> find(String entrantId) {
        return Optional.ofNullable(entrants.find(Filters.eq("_id", entrantId)).first()).map(this::read);
    }

    /** The entrant with this address, if it has enrolled (and has not been erased). */
    public Optional<Entrant> findByEmail(String email) {
        return findByLookup(key.lookupKey(email));
    }

    /** What pages and exports show for an entrant: their address, or empty once erased or unknown. */
    public Optional<String> contact(String entrantId) {
        return find(entrantId).filter(entrant -> !entrant.erased()).map(Entrant::email);
    }

    /**
     * Who sent an entry, as the organiser's list shows it: the entrant's pseudonym and address, or that the
     * address was erased; {@code null} for an entry an organiser recorded ({@code entrantId} null).
     */
    public Submitter submitter(String entrantId) {
        if (entrantId == null) {
            return null;
        }
        Optional<String> email = contact(entrantId);
        return new Submitter(entrantId, email.orElse(null), email.isEmpty());
    }

    /** An entry's entrant: {@code email} is {@code null} once {@code erased}. */
    public record Submitter(String entrantId, String email, boolean erased) {
    }

    public void chooseLanguage(String entrantId, PageLanguage language) {
        entrants.updateOne(Filters.and(Filters.eq("_id", entrantId), Filters.exists("erasedAt", false)),
                Updates.set("language", language.tag()));
    }

    /** Keeps (or, with a blank name, forgets) the name the entrant gives for contact. */
    public void nameForContact(String entrantId, String name) {
        entrants.updateOne(Filters.and(Filters.eq("_id", entrantId), Filters.exists("erasedAt", false)),
                name == null || name.isBlank() ? Updates.unset("name") : Updates.set("name", key.encrypt(name.strip())));
    }

    /**
     * Erases the entrant's contact data: the document keeps only the id, the language (not personal; mail is no
     * longer sent anyway) and the time of erasure. Erasing twice changes nothing.
     *
     * @return whether there was anything to erase
     */
    public boolean erase(String entrantId) {
        Document current = entrants.find(Filters.eq("_id", entrantId)).first();
        if (current == null || current.containsKey("erasedAt")) {
            return false;
        }
        Document erased = new Document("_id", entrantId).append("lookup", entrantId)
                .append("language", current.getString("language"))
                .append("erasedAt", Date.from(clock.instant()));
        entrants.replaceOne(Filters.eq("_id", entrantId), erased);
        return true;
    }

    private Optional<Entrant> findByLookup(String lookup) {
        return Optional.ofNullable(entrants.find(Filters.eq("lookup", lookup)).first()).map(this::read)
                .filter(entrant -> !entrant.erased());
    }

    private Entrant read(Document document) {
        Date erasedAt = document.getDate("erasedAt");
        String email = document.getString("email");
        String name = document.getString("name");
        PageLanguage language = PageLanguage.of(document.getString("language"));
        return new Entrant(document.getString("_id"), email == null ? null : key.decrypt(email),
                name == null ? null : key.decrypt(name), language == null ? PageLanguage.DEFAULT : language,
                erasedAt == null ? null : erasedAt.toInstant());
    }

    private static String newId() {
        StringBuilder id = new StringBuilder(ID_PREFIX);
        for (int i = 0; i < 20; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    /** Whether {@code text} has the shape of an entrant's id. */
    public static boolean isEntrantId(String text) {
        return text != null && text.startsWith(ID_PREFIX);
    }
}
