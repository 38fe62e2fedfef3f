package org.festivalledger.bench;

import java.util.Arrays;

/** Entry point of the benchmark jar: {@code ledger} (the store) or {@code judging [entries jurors]} (HTTP). */
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
            default -> {
                System.err.println("usage: java -jar bench/target/festival-ledger-bench.jar ledger | judging [entries jurors] | timetravel [entries] | festival [entries jurors]");
                System.exit(2);
            }
        }
    }
}
