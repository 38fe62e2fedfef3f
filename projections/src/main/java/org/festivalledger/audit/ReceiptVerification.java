package org.festivalledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.festivalledger.transparency.Checkpoint;
import org.festivalledger.transparency.MerkleHashes;
import org.festivalledger.transparency.MerkleProofs;
import org.festivalledger.transparency.SignedNote;
import org.festivalledger.transparency.VerifierKey;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code java -jar festival-ledger.jar verify-receipt receipt.json --key <verifier key>}: checks a receipt
 * (GET /api/receipts/{position}) offline: the checkpoint's signature by the log's key, that the proof is for the
 * receipt's position in the checkpoint's tree, that its leaf is the event's chain hash, and that the proof leads
 * from that leaf to the signed root. Exit status as for {@code verify}: 0 valid, 1 invalid, 2 unusable.
 */
public final class ReceiptVerification {

    private ReceiptVerification() {
    }

    public static int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.size() != 3 || !arguments.get(1).equals("--key") || arguments.get(0).startsWith("-")) {
            err.println("usage: java -jar festival-ledger.jar verify-receipt <receipt.json> --key <verifier key>");
            err.println("  checks a receipt of GET /api/receipts/{position} against the log's verifier key"
                    + " (GET /api/public/log/key)");
            return OfflineVerification.UNUSABLE;
        }
        VerifierKey key;
        JsonNode receipt;
        try {
            key = VerifierKey.parse(arguments.get(2));
            receipt = new ObjectMapper().readTree(Path.of(arguments.get(0)).toFile());
        } catch (IllegalArgumentException | IOException e) {
            err.println("cannot use " + arguments.get(0) + " and that key: " + e.getMessage());
            return OfflineVerification.UNUSABLE;
        }
        List<String> problems = check(receipt, key);
        long position = receipt.path("position").asLong();
        if (problems.isEmpty()) {
            out.printf(Locale.ROOT, "OK: the event at position %,d with chain hash %s is in the log signed by %s"
                            + " (checkpoint of %,d events)%n", position,
                    receipt.path("hashHex").asText(receipt.path("hash").asText()), key,
                    receipt.path("inclusion").path("treeSize").asLong());
            return OfflineVerification.VERIFIED;
        }
        out.printf(Locale.ROOT, "FAILED: the receipt of position %,d does not verify%n", position);
        problems.forEach(problem -> out.println("  " + problem));
        return OfflineVerification.PROBLEMS;
    }

    /** Everything wrong with a receipt; empty when it proves what it claims. */
    static List<String> check(JsonNode receipt, VerifierKey key) {
        List<String> problems = new ArrayList<>();
        Optional<Checkpoint> signed;
        try {
            signed = SignedNote.verifiedCheckpoint(receipt.path("checkpoint").asText(), key);
        } catch (IllegalArgumentException e) {
            signed = Optional.empty();
        }
        if (signed.isEmpty()) {
            problems.add("the checkpoint is not signed by " + key);
            return problems;
        }
        Checkpoint checkpoint = signed.get();
        JsonNode inclusion = receipt.path("inclusion");
        long position = receipt.path("position").asLong();
        if (!receipt.path("position").canConvertToLong() || position < 1) {
            problems.add("no position");
            return problems;
        }
        if (inclusion.path("leafIndex").asLong(-1) != position - 1) {
            problems.add("the proof is for leaf " + inclusion.path("leafIndex") + ", not position " + position);
        }
        if (inclusion.path("treeSize").asLong(-1) != checkpoint.size()) {
            problems.add("the proof is for a tree of " + inclusion.path("treeSize") + " events, the checkpoint of "
                    + checkpoint.size());
        }
        try {
            byte[] hash = Base64.getDecoder().decode(receipt.path("hash").asText());
            byte[] leafHash = MerkleHashes.leaf(hash);
            if (hash.length != 32 || !Arrays.equals(leafHash,
                    Base64.getDecoder().decode(inclusion.path("leafHash").asText()))) {
                problems.add("the proof's leaf is not the event's chain hash");
            }
            List<byte[]> path = new ArrayList<>();
            inclusion.path("hashes").forEach(node -> path.add(Base64.getDecoder().decode(node.asText())));
            if (!MerkleProofs.verifyInclusion(position - 1, checkpoint.size(), leafHash, path, checkpoint.root())) {
                problems.add("the inclusion proof does not lead from the event's hash to the signed root");
            }
        } catch (IllegalArgumentException e) {
            problems.add("a hash is not base64");
        }
        return problems;
    }
}
