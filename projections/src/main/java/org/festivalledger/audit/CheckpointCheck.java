package org.festivalledger.audit;

import org.festivalledger.audit.Verification.Kind;
import org.festivalledger.audit.Verification.Problem;
import org.festivalledger.ledger.StoredEvent;
import org.festivalledger.transparency.Checkpoint;
import org.festivalledger.transparency.MerkleFrontier;
import org.festivalledger.transparency.SignedNote;
import org.festivalledger.transparency.VerifierKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Checks an export against signed checkpoints: each note's signature by the log's key, and the export's Merkle
 * root at each checkpoint's tree size against the signed root, all in one pass over the file (the tree's right
 * edge is O(log n) hashes).
 *
 * <p>This is what catches a history rewritten with every later chain hash recomputed: the chain verifies, but the
 * roots no longer match what was signed. A root names no position by itself; with several checkpoints the first
 * departing position lies after the last checkpoint the export agrees with and at or before the first it does
 * not, and the report names both ends (the more checkpoints, the closer they are).
 */
public final class CheckpointCheck {

    /** What was checked: the checkpoints that verified and matched, and the problems. */
    public record Outcome(List<Checkpoint> matched, List<Problem> problems) {
    }

    private CheckpointCheck() {
    }

    /**
     * @param notes signed checkpoints (C2SP signed notes), in any order
     */
    public static Outcome check(Path export, VerifierKey key, List<String> notes) throws IOException {
        List<Problem> problems = new ArrayList<>();
        TreeMap<Long, Checkpoint> bySize = new TreeMap<>();
        for (String note : notes) {
            Optional<Checkpoint> verified;
            try {
                verified = SignedNote.verifiedCheckpoint(note, key);
            } catch (IllegalArgumentException e) {
                verified = Optional.empty();
            }
            if (verified.isEmpty()) {
                problems.add(new Problem(0, Kind.SIGNATURE, "a checkpoint that is not signed by " + key
                        + " (or not a checkpoint of its log): " + firstLine(note)));
            } else {
                bySize.put(verified.get().size(), verified.get());
            }
        }
        MerkleFrontier frontier = new MerkleFrontier();
        List<Checkpoint> matched = new ArrayList<>();
        List<Checkpoint> departed = new ArrayList<>();
        long largest = bySize.isEmpty() ? 0 : bySize.lastKey();
        try (Stream<StoredEvent> events = LedgerLines.read(export, (line, why) -> { })) {
            var iterator = events.iterator();
            while (iterator.hasNext() && frontier.size() < largest) {
                frontier.append(leafData(iterator.next()));
                Checkpoint due = bySize.get(frontier.size());
                if (due != null) {
                    (Arrays.equals(frontier.root(), due.root()) ? matched : departed).add(due);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        // departed is in size order (the file is read forward); the first is where the trouble starts.
        if (!departed.isEmpty()) {
            Checkpoint first = departed.get(0);
            long lastAgreeing = matched.stream().mapToLong(Checkpoint::size).filter(size -> size < first.size())
                    .max().orElse(0);
            problems.add(new Problem(lastAgreeing + 1, Kind.CHECKPOINT, String.format(Locale.ROOT,
                    "the export departs from the signed log: its Merkle root at tree size %,d is not the root signed"
                            + " in that checkpoint (%s); %s%s",
                    first.size(), first.rootBase64(), lastAgreeing + 1 == first.size()
                            ? String.format(Locale.ROOT, "the first changed position is %,d", first.size())
                            : String.format(Locale.ROOT, "the first changed position lies in %,d … %,d",
                            lastAgreeing + 1, first.size()), lastAgreeing > 0
                            ? String.format(Locale.ROOT, " (the export agrees with the checkpoint at %,d)",
                            lastAgreeing) : "")));
            departed.subList(1, departed.size()).forEach(later -> problems.add(new Problem(later.size(),
                    Kind.CHECKPOINT, String.format(Locale.ROOT,
                    "the export's root at tree size %,d is not the signed one either", later.size()))));
        }
        bySize.tailMap(frontier.size(), false).values().forEach(beyond -> problems.add(new Problem(
                frontier.size() + 1, Kind.CHECKPOINT, String.format(Locale.ROOT,
                "the log signed a tree of %,d events but the export ends at %,d: events are missing from it",
                beyond.size(), frontier.size()))));
        return new Outcome(matched, problems);
    }

    /** An event's leaf data: its 32-byte chain hash (an unreadable hash cannot match anything signed). */
    private static byte[] leafData(StoredEvent event) {
        try {
            byte[] hash = HexFormat.of().parseHex(event.hash());
            return hash.length == 32 ? hash : new byte[32];
        } catch (RuntimeException e) {
            return new byte[32];
        }
    }

    private static String firstLine(String note) {
        int end = note.indexOf('\n');
        return end < 0 ? note : note.substring(0, end) + " …";
    }
}
