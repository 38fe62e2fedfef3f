package org.festivalledger.ledger.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.util.Set;
import java.util.function.Predicate;

/**
 * The H2 backend of mongo-java-server made durable and safe for concurrent writers.
 *
 * <p>Durable: by default H2 commits its file about once a second, so a process killed with SIGKILL lost
 * the acknowledged writes of the last second. Here a write to a durable collection (the ledger's own
 * and the idempotency records) is committed to the file before the server replies, so whatever a
 * client saw acknowledged survives a crash of the process (not a power cut: the OS may still hold the
 * bytes; use a real MongoDB with journaling for that). An H2 commit is atomic over the whole file, so it
 * also takes along every earlier write to other collections; those (read models, tracking tokens)
 * otherwise ride on H2's one-second auto-commit, since they can be rebuilt from the ledger.
 *
 * <p>Serialised: the server checks unique indexes and then inserts, without a lock between the two, so
 * two concurrent inserts of the same key could both pass the check. Writes are rare next to reads in
 * the ledger and H2 has a single writer anyway, so one lock around every write costs little.
 */
final class CommittingH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify",
            "createindexes", "dropindexes", "drop", "dropdatabase", "create", "renamecollection");

    private final Object writeLock = new Object();
    private final Predicate<String> durable;

    CommittingH2Backend(MVStore store, Predicate<String> durableCollection) {
        super(store);
        this.durable = durableCollection;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (!WRITE_COMMANDS.contains(command.toLowerCase())) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        synchronized (writeLock) {
            Document response = super.handleCommand(channel, databaseName, command, query);
            Object collection = query.get(command);
            if (!(collection instanceof String name) || durable.test(name)) {
                commit();
            }
            return response;
        }
    }
}
