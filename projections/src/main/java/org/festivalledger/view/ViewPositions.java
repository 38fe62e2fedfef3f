package org.festivalledger.view;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

/**
 * How far the stored views of a processing group reflect the ledger, so a restarting node folds only what came
 * after instead of the whole log. A position is saved only after every write of the events up to it (the views
 * write through as they fold), so the stored views always hold at least that much; folding the events after it
 * again over them gives the same views (their writes replace whole views). A rebuild from zero forgets it first.
 */
public final class ViewPositions {

    private final MongoCollection<Document> positions;

    public ViewPositions(MongoDatabase database) {
        this.positions = database.getCollection("view_positions");
    }

    /** The saved position of a group's views, 0 when there is none (fold from the start). */
    public long load(String group) {
        Document saved = positions.find(Filters.eq("_id", group)).first();
        return saved == null ? 0 : saved.getLong("position");
    }

    public void save(String group, long position) {
        positions.replaceOne(Filters.eq("_id", group), new Document("_id", group).append("position", position),
                new ReplaceOptions().upsert(true));
    }

    /** Forgets a group's position: its views are being rebuilt from zero. */
    public void clear(String group) {
        positions.deleteOne(Filters.eq("_id", group));
    }
}
