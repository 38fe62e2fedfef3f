package org.festivalledger.view;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Binary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Snapshots of whole in-memory views with the ledger position they reflect, so a restarted node loads
 * the view and follows the ledger from that position instead of replaying it all. A snapshot is
 * gzipped JSON split into chunks (MongoDB documents stop at 16 MB); a manifest written last names the
 * chunks of the current one, so a reader never sees half a snapshot. Several nodes may write the same
 * view: each snapshot is the deterministic state at its position, so whichever manifest wins is right.
 */
public final class ViewSnapshots {

    private static final int CHUNK_BYTES = 4 * 1024 * 1024;
    // Sets are read back as LinkedHashSets, the views' own: a loaded view iterates in the order the folded one did.
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .registerModule(new SimpleModule().addAbstractTypeMapping(Set.class, LinkedHashSet.class))
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final MongoCollection<Document> manifests;
    private final MongoCollection<Document> chunks;

    public ViewSnapshots(MongoDatabase database) {
        this(database, "view_snapshots", "view_snapshot_chunks");
    }

    /** Snapshots kept in collections of their own (many snapshots of one view, say, out of the views' way). */
    public ViewSnapshots(MongoDatabase database, String manifests, String chunks) {
        this.manifests = database.getCollection(manifests);
        this.chunks = database.getCollection(chunks);
    }

    /** A loaded snapshot: the view and the last ledger position it includes. */
    public record Snapshot<T>(long position, T view) {
    }

    /**
     * Serialises a view into JSON (call it while the view cannot change); {@link #save} compresses it, so
     * the view is held still only for the JSON, not for the compression.
     */
    public static byte[] serialize(Object view) {
        try {
            return JSON.writeValueAsBytes(view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy of the snapshots' JSON mapping, for a snapshot of part of a view (a mix-in that leaves out a field):
     * what it writes, {@link #load} reads.
     */
    public static ObjectMapper mapping() {
        return JSON.copy();
    }

    public void save(String name, long position, byte[] json) {
        byte[] serialized = Gzip.compress(json);
        int count = (serialized.length + CHUNK_BYTES - 1) / CHUNK_BYTES;
        for (int i = 0; i < count; i++) {
            byte[] part = Arrays.copyOfRange(serialized, i * CHUNK_BYTES,
                    Math.min(serialized.length, (i + 1) * CHUNK_BYTES));
            String id = chunkId(name, position, i);
            chunks.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("data", new Binary(part)),
                    new ReplaceOptions().upsert(true));
        }
        Document previous = manifests.find(Filters.eq("_id", name)).first();
        manifests.replaceOne(Filters.eq("_id", name), new Document("_id", name).append("position", position)
                .append("chunks", count), new ReplaceOptions().upsert(true));
        if (previous != null && previous.getLong("position") != position) {
            for (int i = 0; i < previous.getInteger("chunks"); i++) {
                chunks.deleteOne(Filters.eq("_id", chunkId(name, previous.getLong("position"), i)));
            }
        }
    }

    public <T> Optional<Snapshot<T>> load(String name, Class<T> type) {
        Document manifest = manifests.find(Filters.eq("_id", name)).first();
        if (manifest == null) {
            return Optional.empty();
        }
        long position = manifest.getLong("position");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < manifest.getInteger("chunks"); i++) {
            Document chunk = chunks.find(Filters.eq("_id", chunkId(name, position, i))).first();
            if (chunk == null) {
                return Optional.empty(); // a snapshot being replaced: rebuild from the ledger instead
            }
            bytes.writeBytes(chunk.get("data", Binary.class).getData());
        }
        try {
            return Optional.of(new Snapshot<>(position, JSON.readValue(Gzip.expand(bytes.toByteArray()), type)));
        } catch (IOException e) {
            return Optional.empty(); // unreadable (an older shape): rebuild from the ledger instead
        }
    }

    /** Names of every stored snapshot whose name starts with {@code prefix}. */
    public java.util.List<String> names(String prefix) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Document manifest : manifests.find().batchSize(1000)) {
            String id = manifest.getString("_id");
            if (id.startsWith(prefix)) {
                names.add(id);
            }
        }
        return names;
    }

    public void delete(String name) {
        Document manifest = manifests.find(Filters.eq("_id", name)).first();
        if (manifest != null) {
            for (int i = 0; i < manifest.getInteger("chunks"); i++) {
                chunks.deleteOne(Filters.eq("_id", chunkId(name, manifest.getLong("position"), i)));
            }
            manifests.deleteOne(Filters.eq("_id", name));
        }
    }

    private static String chunkId(String name, long position, int index) {
        return name + "@" + position + "#" + index;
    }
}
