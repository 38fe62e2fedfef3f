package org.festivalledger.bench;

import java.util.Arrays;

/**
 * Entry point of the benchmark jar: {@code ledger} (the store), {@code judging [entries jurors]} (HTTP) or
 * {@code verification [events [file] | export.jsonl]} (the offline verifier) or {@code transparency [events]} (the
 * Merkle tree and proofs).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "ledger" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (which) {
            case "ledger" -> LedgerBenchmark.main(rest);
            case "judging" -> JudgingBenchmark.main(rest);
            case "timetravel" -> TimeTravelBenchmark.main(rest);
            case "festival" -> JudgingBenchmark.festival(rest);
            case "verification" -> VerificationBenchmark.main(rest);
            case "transparency" -> TransparencyBenchmark.main(rest);
            case "public" -> PublicBenchmark.main(rest);
            case "restart" -> RestartBenchmark.main(rest);
            default -> {
                System.err.println("usage: java -jar bench/target/festival-ledger-bench.jar ledger | judging [entries jurors]"
                        + " | timetravel [entries] | festival [entries jurors] | verification [events [file] | export.jsonl]"
                        + " | transparency [events] | public [jar …] | restart [entries [heap]]");
                System.exit(2);
            }
        }
    }
}
