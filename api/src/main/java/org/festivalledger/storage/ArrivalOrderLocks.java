package org.festivalledger.storage;

import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.common.lock.LockFactory;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Aggregate locks that serve the commands waiting for an aggregate in the order they came.
 * <p>
 * Axon's {@code PessimisticLockFactory} is not fair. Its waits give up every 100 ms, look for a deadlock and queue
 * again at the back. And a command that releases a lock takes it once more to see whether it is still used, finds it
 * free (the next waiter has not run yet), and throws it away: every waiter then races for a new lock, in no order.
 * A competition's judging is one aggregate that every score of its jury queues on, so under load a score could be
 * overtaken again and again.
 * <p>
 * Here each identifier has a fair {@link ReentrantLock}, kept while anyone holds or waits for it: the count of its
 * holders and waiters changes only inside the map's atomic {@code compute}, so a lock is forgotten only when nobody
 * can still be using it. There is no deadlock detection: a judging command locks no other aggregate. A wait longer
 * than {@code maximumWait} fails, as Axon's does after its attempts.
 */
final class ArrivalOrderLocks implements LockFactory {

    private final ConcurrentHashMap<String, Queue> queues = new ConcurrentHashMap<>();
    private final long maximumWaitMillis;

    ArrivalOrderLocks(long maximumWaitMillis) {
        this.maximumWaitMillis = maximumWaitMillis;
    }

    /** One identifier's lock and how many threads hold or wait for it (changed only in the map's compute). */
    private static final class Queue {
        final ReentrantLock lock = new ReentrantLock(true);
        int users;
    }

    @Override
    public Lock obtainLock(String identifier) {
        Queue queue = queues.compute(identifier, (id, existing) -> {
            Queue joined = existing == null ? new Queue() : existing;
            joined.users++;
            return joined;
        });
        try {
            if (queue.lock.tryLock(maximumWaitMillis, TimeUnit.MILLISECONDS)) {
                return new Held(identifier, queue);
            }
            leave(identifier, queue);
            throw new LockAcquisitionFailedException("Waited " + maximumWaitMillis + " ms for the lock of "
                    + identifier + " without getting it");
        } catch (InterruptedException e) {
            leave(identifier, queue);
            Thread.currentThread().interrupt();
            throw new LockAcquisitionFailedException("Interrupted while waiting for the lock of " + identifier, e);
        }
    }

    /** How many identifiers have a lock someone holds or waits for (tests: nothing is kept for nobody). */
    int identifiersInUse() {
        return queues.size();
    }

    private void leave(String identifier, Queue queue) {
        queues.computeIfPresent(identifier, (id, current) -> current == queue && --current.users == 0 ? null : current);
    }

    /** A lock taken: released once. */
    private final class Held implements Lock {

        private final String identifier;
        private final Queue queue;
        private boolean released;

        private Held(String identifier, Queue queue) {
            this.identifier = identifier;
            this.queue = queue;
        }

        @Override
        public void release() {
            if (released) {
                throw new IllegalStateException("The lock of " + identifier + " was released already");
            }
            released = true;
            queue.lock.unlock();
            leave(identifier, queue);
        }

        @Override
        public boolean isHeld() {
            return !released && queue.lock.isHeldByCurrentThread();
        }
    }
}
