package org.festivalledger.ledger.embedded;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * mongo-java-server's H2 database with its unique indexes ordered by {@link IndexKeyType}. H2 returns a map already
 * open when it is opened again by name, so opening each index's map with that key type just before the server opens
 * it by name (with H2's default type) makes the server use it; nothing else of the server changes.
 */
final class IndexedH2Database extends H2Database {

    /** How mongo-java-server names an index's map: {@code <database>.<collection>._index_<index>}. */
    private static final String INDEX_MAP_INFIX = "._index_";

    private final MVStore store;

    private IndexedH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
        this.store = store;
    }

    /**
     * Opens a database of the store. Its existing indexes are opened here first, because the server's constructor
     * opens them before this class's fields are set.
     */
    static IndexedH2Database open(String name, MVStore store, CursorRegistry cursors) {
        for (String map : store.getMapNames()) {
            if (map.startsWith(name + ".") && map.contains(INDEX_MAP_INFIX)) {
                openIndexMap(store, map);
            }
        }
        return new IndexedH2Database(name, store, cursors);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        if (store != null) { // null only inside the constructor, for indexes open() has opened already
            openIndexMap(store, getFullCollectionNamespace(collectionName) + INDEX_MAP_INFIX + indexName);
        }
        return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
    }

    private static void openIndexMap(MVStore store, String map) {
        store.openMap(map, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
    }
}
