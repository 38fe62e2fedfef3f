package org.festivalledger.ledger;

/**
 * The last ledger position appended by the current thread. Axon runs a command's unit of work in the
 * caller's thread (simple command bus), so the HTTP layer reads it after a command to answer with
 * {@code Ledger-Position} and lets the client read its own writes.
 */
public final class AppendReceipt {

    private static final ThreadLocal<Long> LAST = new ThreadLocal<>();

    private AppendReceipt() {
    }

    /** Forgets the previous receipt; call before dispatching a command. */
    public static void clear() {
        LAST.remove();
    }

    static void record(long position) {
        LAST.set(position);
    }

    /** The last position appended by this thread since {@link #clear()}, or {@code null} if none. */
    public static Long lastPosition() {
        return LAST.get();
    }
}
