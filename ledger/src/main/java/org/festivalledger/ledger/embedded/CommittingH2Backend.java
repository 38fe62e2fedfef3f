package org.festivalledger.ledger.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.util.Set;

/**
 * The H2 backend of mongo-java-server made durable and safe for concurrent writers.
 *
 * <p>Durable: by default H2 commits its file about once a second, so a process killed with SIGKILL lost
 * the acknowledged writes of the last second. Here every write command is committed to the file
 * before the server replies, so whatever a client saw acknowledged survives a crash of the process
 * (not a power cut: the OS may still hold the bytes; use a real MongoDB with journaling for that).
 *
 * <p>Serialised: the server checks unique indexes and then inserts, without a lock between the two, so
 * two concurrent inserts of the same key could both pass the check. Writes are rare next to reads in
 * the ledger and H2 has a single writer anyway, so one lock around every write costs little.
 */
final class CommittingH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify",
            "createindexes", "dropindexes", "drop", "dropdatabase", "create", "renamecollection");

    private final Object writeLock = new Object();

    CommittingH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (!WRITE_COMMANDS.contains(command.toLowerCase())) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        synchronized (writeLock) {
            Document response = super.handleCommand(channel, databaseName, command, query);
            commit();
            return response;
        }
    }
}
