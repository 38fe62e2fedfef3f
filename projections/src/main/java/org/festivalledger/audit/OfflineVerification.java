package org.festivalledger.audit;

import org.festivalledger.audit.Verification.Problem;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar festival-ledger.jar verify ledger.jsonl}: an auditor's re-check of an export on their own
 * machine, with no server and no database. Prints every problem with its position and a summary line.
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
        if (arguments.size() != 1 || arguments.get(0).startsWith("-")) {
            err.println("usage: java -jar festival-ledger.jar verify <ledger.jsonl>");
            err.println("  re-checks an export of GET /api/audit/export: the hash chain, and that every shortlist"
                    + " and award follows from the ledger at the position it rests on");
            return UNUSABLE;
        }
        Path file = Path.of(arguments.get(0));
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            err.println("cannot read " + file);
            return UNUSABLE;
        }
        long started = System.nanoTime();
        Verification verification;
        try {
            verification = LedgerVerifier.verify(file);
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e);
            return UNUSABLE;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        report(file, verification, seconds, out);
        return verification.ok() ? VERIFIED : PROBLEMS;
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
