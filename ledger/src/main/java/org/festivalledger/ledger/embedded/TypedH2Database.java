package org.festivalledger.ledger.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * mongo-java-server's H2 database with its documents stored as BSON ({@link DocumentValueType}) and its unique
 * indexes ordered by {@link IndexKeyType}. H2 returns a map already open when it is opened again by name, so opening
 * each map with our type just before the server opens it by name (with H2's default types) makes the server use it;
 * nothing else of the server changes.
 */
final class TypedH2Database extends H2Database {

    /** How mongo-java-server names a collection's documents' map: {@code databases.<database>.<collection>}. */
    private static final String DOCUMENTS_MAP_PREFIX = "databases.";
    /** How mongo-java-server names an index's map: {@code <database>.<collection>._index_<index>}. */
    private static final String INDEX_MAP_INFIX = "._index_";

    private final MVStore store;

    private TypedH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
        this.store = store;
    }

    /**
     * Opens a database of the store. Its existing collections and indexes are opened here first, because the
     * server's constructor opens them before this class's fields are set.
     */
    static TypedH2Database open(String name, MVStore store, CursorRegistry cursors) {
        for (String map : store.getMapNames()) {
            if (map.startsWith(DOCUMENTS_MAP_PREFIX + name + ".")) {
                openDocumentsMap(store, map);
            } else if (map.startsWith(name + ".") && map.contains(INDEX_MAP_INFIX)) {
                openIndexMap(store, map);
            }
        }
        return new TypedH2Database(name, store, cursors);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        if (store != null) { // null only inside the constructor, for collections open() has opened already
            openDocumentsMap(store, DOCUMENTS_MAP_PREFIX + getFullCollectionNamespace(collectionName));
        }
        return super.openOrCreateCollection(collectionName, options);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        if (store != null) { // as above
            openIndexMap(store, getFullCollectionNamespace(collectionName) + INDEX_MAP_INFIX + indexName);
        }
        return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
    }

    private static void openDocumentsMap(MVStore store, String map) {
        store.openMap(map, new MVMap.Builder<Object, Document>().valueType(new DocumentValueType()));
    }

    private static void openIndexMap(MVStore store, String map) {
        store.openMap(map, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
    }
}
