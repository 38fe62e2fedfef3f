package org.festivalledger.transparency;

import java.time.Instant;

/**
 * A checkpoint as the log keeps it: the tree head, when it was signed, and the whole signed note.
 *
 * @param checkpoint the tree head (origin, size, root)
 * @param signedAt   when this node signed it
 * @param note       the C2SP signed note: the checkpoint's text, a blank line, the signature line(s)
 */
public record SignedCheckpoint(Checkpoint checkpoint, Instant signedAt, String note) {

    public long size() {
        return checkpoint.size();
    }
}
