package org.festivalledger.ledger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Assumptions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real MongoDB for the tests that matter on one ({@code mvn verify -Pmongodb} with {@code MONGODB_URI} set, see
 * README "Testing against a real MongoDB"). Without the profile these tests run on the embedded store as always;
 * with the profile and no URI they are skipped, never run on the stand-in by mistake. Each test directory gets a
 * database of its own (so a restart on "the same data" finds it again), dropped when the test JVM ends.
 */
public final class RealMongo {

    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

    private RealMongo() {
    }

    /** The URI of the real MongoDB to test against, if one was given. */
    public static Optional<String> uri() {
        String uri = System.getProperty("ledger.test.mongodb-uri", "");
        // Maven leaves ${env.MONGODB_URI} as it is when the variable is not set.
        return uri.isBlank() || uri.startsWith("${") ? Optional.empty() : Optional.of(uri);
    }

    /** Skips the calling test when the mongodb profile asks for a real MongoDB and none was given. */
    public static void assumeAvailableWhenRequired() {
        boolean required = Boolean.getBoolean("ledger.test.mongodb-required");
        Assumptions.assumeTrue(!required || uri().isPresent(),
                "-Pmongodb runs against a real MongoDB only: set MONGODB_URI");
    }

    /** The database a test directory uses on the real server, dropped when the test JVM ends. */
    public static String databaseFor(String directory) {
        String name = "festival_test_" + sha256(directory).substring(0, 16);
        if (CREATED.add(name) && CREATED.size() == 1) {
            Runtime.getRuntime().addShutdownHook(new Thread(RealMongo::dropCreated, "drop-test-databases"));
        }
        return name;
    }

    private static void dropCreated() {
        try (MongoClient client = MongoClients.create(uri().orElseThrow())) {
            CREATED.forEach(name -> client.getDatabase(name).drop());
        } catch (RuntimeException e) {
            System.err.println("could not drop the test databases " + CREATED + ": " + e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
