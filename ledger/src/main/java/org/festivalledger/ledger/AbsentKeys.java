package org.festivalledger.ledger;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Uniqueness keys a ledger looked up and did not find, remembered while it is the store's only writer.
 *
 * <p>A juror's every request asks whether a later change of their access was recorded
 * ({@link LedgerLog#hasUniqueKey}), and the answer is almost always no: one store read per score, about 3 % of the
 * scoring's CPU in a flight recording. A key can only appear in the store by an append; when this ledger makes every
 * append, an absent key stays absent until one of its own appends carries it, which forgets it here.
 *
 * <p>A lookup that raced such an append must not be remembered: it may have read the store before the insert and
 * finish after the append forgot the key. So each lookup notes the count of keyed appends before it reads, and its
 * "absent" is kept only if no keyed append completed meanwhile. At most {@value #MOST} keys are kept (a festival
 * has some hundreds of jurors); beyond that, lookups read the store as before.
 */
final class AbsentKeys {

    private static final int MOST = 4_096;

    private final Set<String> absent = ConcurrentHashMap.newKeySet();
    private volatile long keyedAppends;

    /** Whether {@code key} was looked up and found absent since the last append that carried it. */
    boolean knownAbsent(String key) {
        return absent.contains(key);
    }

    /** Read before looking a key up in the store, and handed to {@link #lookedUpAbsent}. */
    long keyedAppends() {
        return keyedAppends;
    }

    /** A store lookup that began when {@code keyedAppendsBefore} keyed appends had completed did not find {@code key}. */
    synchronized void lookedUpAbsent(String key, long keyedAppendsBefore) {
        if (keyedAppends == keyedAppendsBefore && absent.size() < MOST) {
            absent.add(key);
        }
    }

    /** An append that carried {@code keys} reached the store, or tried to: none of them is known absent any more. */
    synchronized void appended(List<String> keys) {
        if (!keys.isEmpty()) {
            keyedAppends++;
            keys.forEach(absent::remove);
        }
    }
}
