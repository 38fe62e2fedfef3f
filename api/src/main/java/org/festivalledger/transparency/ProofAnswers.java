package org.festivalledger.transparency;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** The JSON shapes of the transparency log's answers; every hash in standard base64. */
public final class ProofAnswers {

    private ProofAnswers() {
    }

    record CheckpointAnswer(long treeSize, String rootHash, Instant signedAt, String note) {
        static CheckpointAnswer of(SignedCheckpoint signed) {
            return new CheckpointAnswer(signed.size(), signed.checkpoint().rootBase64(), signed.signedAt(),
                    signed.note());
        }
    }

    public record InclusionAnswer(long leafIndex, long treeSize, String leafHash, List<String> hashes) {
        static InclusionAnswer of(TransparencyLog.Inclusion proof) {
            return new InclusionAnswer(proof.leafIndex(), proof.treeSize(), base64(proof.leafHash()),
                    base64(proof.hashes()));
        }
    }

    record ConsistencyAnswer(long from, long to, List<String> hashes) {
    }

    /**
     * A receipt: {@code hash} is the event's chain hash in base64 (as every hash here), {@code hashHex} the same in
     * the hex of the export; {@code checkpoint} the signed note.
     */
    public record ReceiptAnswer(long position, String hash, String hashHex, String checkpoint, InclusionAnswer inclusion) {
        static ReceiptAnswer of(TransparencyLog.Receipt receipt) {
            return new ReceiptAnswer(receipt.position(), base64(receipt.hash()),
                    java.util.HexFormat.of().formatHex(receipt.hash()), receipt.checkpoint().note(),
                    InclusionAnswer.of(receipt.inclusion()));
        }
    }

    static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(ProofAnswers::base64).toList();
    }
}
