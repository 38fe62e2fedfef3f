package org.festivalledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.festivalledger.audit.Verification.Problem;
import org.festivalledger.transparency.Checkpoint;
import org.festivalledger.transparency.VerifierKey;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar festival-ledger.jar verify ledger.jsonl}: an auditor's re-check of an export on their own
 * machine, with no server and no database. Prints every problem with its position and a summary line. With
 * {@code --checkpoint} / {@code --consistency} and {@code --key} it also checks the export against the log's signed
 * checkpoints ({@link CheckpointCheck}), which catches a history rewritten with recomputed hashes.
 *
 * <p>Exit status: 0 when the export verifies, 1 when it does not, 2 when the file cannot be read at all or the
 * command is misused, so a script can tell "tampered" from "could not check".
 */
public final class OfflineVerification {

    public static final int VERIFIED = 0;
    public static final int PROBLEMS = 1;
    public static final int UNUSABLE = 2;

    private OfflineVerification() {
    }

    /**
     * Runs the command.
     *
     * @param arguments what follows {@code verify} on the command line: the export file
     * @return the exit status
     */
    public static int run(List<String> arguments, PrintStream out, PrintStream err) {
        Arguments parsed = Arguments.parse(arguments);
        if (parsed == null) {
            err.println("usage: java -jar festival-ledger.jar verify <ledger.jsonl> [--checkpoint <checkpoint.txt>]"
                    + " [--consistency <checkpoints.json>] [--key <verifier key>]");
            err.println("  re-checks an export of GET /api/audit/export: the hash chain, and that every shortlist"
                    + " and award follows from the ledger at the position it rests on");
            err.println("  --checkpoint  a signed checkpoint (GET /api/public/log/checkpoint): its signature, and the"
                    + " export's Merkle root at its size against the signed root (needs --key)");
            err.println("  --consistency every kept checkpoint (GET /api/public/log/checkpoints), each checked the"
                    + " same way (needs --key)");
            err.println("  --key         the log's verifier key (GET /api/public/log/key)");
            return UNUSABLE;
        }
        Path file = parsed.export();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            err.println("cannot read " + file);
            return UNUSABLE;
        }
        VerifierKey key = null;
        List<String> notes = new ArrayList<>();
        try {
            if (parsed.key() != null) {
                key = VerifierKey.parse(parsed.key());
            }
            if (parsed.checkpoint() != null) {
                notes.add(Files.readString(parsed.checkpoint(), StandardCharsets.UTF_8));
            }
            if (parsed.checkpoints() != null) {
                for (JsonNode kept : new ObjectMapper().readTree(parsed.checkpoints().toFile())) {
                    notes.add(kept.path("note").asText());
                }
            }
        } catch (IllegalArgumentException | IOException e) {
            err.println("cannot use the checkpoint arguments: " + e.getMessage());
            return UNUSABLE;
        }
        long started = System.nanoTime();
        Verification verification;
        CheckpointCheck.Outcome checkpoints = null;
        try {
            verification = LedgerVerifier.verify(file);
            if (key != null) {
                checkpoints = CheckpointCheck.check(file, key, notes);
                verification = verification.with(checkpoints.problems());
            }
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e);
            return UNUSABLE;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        report(file, verification, seconds, out);
        if (checkpoints != null) {
            // The latest checkpoint is usually in the kept list too: count each tree size once.
            List<Long> sizes = checkpoints.matched().stream().map(Checkpoint::size).distinct().sorted().toList();
            long given = notes.stream().distinct().count();
            out.printf(Locale.ROOT, "%,d of %,d signed checkpoint%s verified with %s and match the export's Merkle"
                    + " root%s%n", sizes.size(), given, given == 1 ? "" : "s", key,
                    sizes.isEmpty() ? "" : String.format(Locale.ROOT, " (tree sizes %,d … %,d)",
                            sizes.get(0), sizes.get(sizes.size() - 1)));
        }
        return verification.ok() ? VERIFIED : PROBLEMS;
    }

    /** The command line after {@code verify}; {@code null} when it makes no sense. */
    private record Arguments(Path export, Path checkpoint, Path checkpoints, String key) {

        static Arguments parse(List<String> arguments) {
            Path export = null;
            Path checkpoint = null;
            Path checkpoints = null;
            String key = null;
            for (int i = 0; i < arguments.size(); i++) {
                String argument = arguments.get(i);
                boolean hasValue = i + 1 < arguments.size();
                switch (argument) {
                    case "--checkpoint" -> {
                        if (!hasValue) {
                            return null;
                        }
                        checkpoint = Path.of(arguments.get(++i));
                    }
                    case "--consistency" -> {
                        if (!hasValue) {
                            return null;
                        }
                        checkpoints = Path.of(arguments.get(++i));
                    }
                    case "--key" -> {
                        if (!hasValue) {
                            return null;
                        }
                        key = arguments.get(++i);
                    }
                    default -> {
                        if (argument.startsWith("-") || export != null) {
                            return null;
                        }
                        export = Path.of(argument);
                    }
                }
            }
            boolean checkpointsWithoutKey = (checkpoint != null || checkpoints != null) != (key != null);
            return export == null || checkpointsWithoutKey ? null : new Arguments(export, checkpoint, checkpoints, key);
        }
    }

    private static void report(Path file, Verification verification, double seconds, PrintStream out) {
        out.println("Verifying " + file);
        for (Problem problem : verification.problems()) {
            out.printf(Locale.ROOT, "  position %,d  %-10s %s%n", problem.position(), problem.kind(), problem.message());
        }
        String decisions = String.format(Locale.ROOT, "%,d shortlist%s and %,d award%s",
                verification.shortlists(), verification.shortlists() == 1 ? "" : "s",
                verification.awards(), verification.awards() == 1 ? "" : "s");
        if (verification.ok()) {
            out.printf(Locale.ROOT, "OK: %,d events, positions 1 to %,d without a gap, every hash recomputed;"
                    + " %s follow from the ledger at their positions%n", verification.checked(),
                    verification.checked(), decisions);
        } else {
            int count = verification.problems().size();
            out.printf(Locale.ROOT, "FAILED: %,d problem%s in %,d events (first at position %,d); %s checked%n",
                    count, count == 1 ? "" : "s", verification.checked(),
                    verification.problems().get(0).position(), decisions);
        }
        out.println("head hash " + verification.headHash() + " (compare with the published GET /api/audit/head)");
        out.printf(Locale.ROOT, "%,d events in %.2f s: %,.0f events/s%n", verification.checked(), seconds,
                seconds > 0 ? verification.checked() / seconds : 0.0);
    }
}
