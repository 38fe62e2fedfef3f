package org.festivalledger.bench;

/**
 * What a score of the judging load cost in CPU, in milliseconds: the application's and the benchmark's own clients'
 * (they share the machine's cores), beside the same two for a request through the same web layers that reads the
 * store once, as every juror's request does to check the credential.
 * Compared at the end with the raw store's insert, it says how far half that insert rate is from this machine's reach.
 */
record ScoreCost(double applicationMs, double clientMs, double floorApplicationMs, double floorClientMs) {

    double perScoreMs() {
        return applicationMs + clientMs;
    }

    double floorMs() {
        return floorApplicationMs + floorClientMs;
    }
}
