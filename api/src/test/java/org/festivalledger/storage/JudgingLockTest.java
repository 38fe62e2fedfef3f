package org.festivalledger.storage;

import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The judging lock serves the commands waiting for it in the order they came, however long they wait. */
class JudgingLockTest {

    @Test
    void aCommandThatWaitedLongerThanOneAttemptStillTakesTheLockBeforeLaterOnes() throws Exception {
        LockFactory locks = new AxonConfiguration().judgingLockFactory();
        List<String> order = new CopyOnWriteArrayList<>();
        Lock held = locks.obtainLock("judging-festival");
        Thread first = waiter(locks, "first", order);
        awaitQueued(first);
        Thread.sleep(50);
        Thread second = waiter(locks, "second", order);
        awaitQueued(second);

        // The first has now waited longer than Axon's default attempt (100 ms), after which it used to give up and
        // queue again, behind the second (whose own attempt has not run out yet).
        Thread.sleep(60);
        held.release();
        first.join(5_000);
        second.join(5_000);

        assertThat(order).containsExactly("first", "second");
    }

    private static Thread waiter(LockFactory locks, String name, List<String> order) {
        Thread thread = new Thread(() -> {
            Lock lock = locks.obtainLock("judging-festival");
            order.add(name);
            lock.release();
        }, name);
        thread.start();
        return thread;
    }

    /** Until the thread is parked in the lock's queue. */
    private static void awaitQueued(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (thread.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(thread.getState()).isEqualTo(Thread.State.TIMED_WAITING);
    }
}
