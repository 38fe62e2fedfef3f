package org.festivalledger.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A read model's persistent half: one MongoDB document per view, keyed by id, holding the view as JSON.
 * Projections serve queries from memory and write through to here. Their processors keep their tokens in
 * memory (every node folds the whole log into its own views), so the stored views are read once at start: a
 * restarting node answers with the views it had while it folds the log again from the first event. Writes
 * replace whole views, so folding an event again over its stored result gives the same view.
 */
public final class StoredViews<V> {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final MongoCollection<Document> collection;
    private final Class<V> type;

    public StoredViews(MongoDatabase database, String collectionName, Class<V> type) {
        this.collection = database.getCollection(collectionName);
        this.type = type;
    }

    /** Every stored view, read once at startup (a full scan, off the hot path). */
    public Map<String, V> loadAll() {
        Map<String, V> views = new LinkedHashMap<>();
        for (Document document : collection.find().batchSize(1000)) {
            views.put(document.getString("_id"), read(document.getString("json")));
        }
        return views;
    }

    public void save(String id, V view) {
        collection.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("json", write(view)),
                new ReplaceOptions().upsert(true));
    }

    /** Forgets every view: the first step of a rebuild from zero. */
    public void clear() {
        collection.deleteMany(new Document());
    }

    private String write(V view) {
        try {
            return JSON.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store view " + view, e);
        }
    }

    private V read(String json) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read stored " + type.getSimpleName(), e);
        }
    }
}
