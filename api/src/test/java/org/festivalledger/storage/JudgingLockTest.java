package org.festivalledger.storage;

import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.common.lock.LockFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The judging lock serves the commands waiting for it in the order they came, however long they wait, and keeps
 * nothing for an aggregate nobody holds or waits for. Axon's default lock fails the first test: its waiters queue
 * again every 100 ms, and a released lock is thrown away and raced for anew.
 */
class JudgingLockTest {

    @Test
    void commandsTakeTheJudgingLockInTheOrderTheyCameHoweverLongTheyWait() throws Exception {
        LockFactory locks = new AxonConfiguration().judgingLockFactory();
        List<String> order = new CopyOnWriteArrayList<>();
        Lock held = locks.obtainLock("judging-festival");
        List<Thread> waiters = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Thread waiter = waiter(locks, "judging-festival", "command-" + i, order);
            awaitQueued(waiter);
            waiters.add(waiter);
        }

        // Longer than one of Axon's lock attempts (100 ms), after which its waiters queued again at the back.
        Thread.sleep(250);
        held.release();
        for (Thread waiter : waiters) {
            waiter.join(5_000);
        }

        assertThat(order).containsExactly("command-1", "command-2", "command-3", "command-4", "command-5");
    }

    @Test
    void aLockNobodyHoldsOrWaitsForIsForgotten() throws Exception {
        ArrivalOrderLocks locks = new ArrivalOrderLocks(5_000);
        Lock held = locks.obtainLock("judging-a");
        Lock again = locks.obtainLock("judging-a"); // the same thread again: a command inside a command
        Lock other = locks.obtainLock("judging-b");
        Thread waiter = waiter(locks, "judging-a", "waiter", new ArrayList<>());
        awaitQueued(waiter);
        assertThat(locks.identifiersInUse()).isEqualTo(2);
        assertThat(held.isHeld()).isTrue();

        again.release();
        held.release();
        other.release();
        waiter.join(5_000);

        assertThat(held.isHeld()).isFalse();
        assertThat(locks.identifiersInUse()).isZero();
        assertThatThrownBy(held::release).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWaitLongerThanTheLongestAllowedFailsAndLeavesNothingBehind() throws Exception {
        ArrivalOrderLocks locks = new ArrivalOrderLocks(50);
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            Lock lock = locks.obtainLock("judging-festival");
            taken.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            lock.release();
        });
        holder.start();
        taken.await();

        assertThatThrownBy(() -> locks.obtainLock("judging-festival"))
                .isInstanceOf(LockAcquisitionFailedException.class).hasMessageContaining("judging-festival");
        assertThat(locks.identifiersInUse()).as("the holder's only").isEqualTo(1);
        done.countDown();
        holder.join(5_000);
        assertThat(locks.identifiersInUse()).isZero();
    }

    private static Thread waiter(LockFactory locks, String identifier, String name, List<String> order) {
        Thread thread = new Thread(() -> {
            Lock lock = locks.obtainLock(identifier);
            order.add(name);
            lock.release();
        }, name);
        thread.start();
        return thread;
    }

    /** Until the thread is parked in the lock's queue. */
    private static void awaitQueued(Thread thread) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (thread.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(thread.getState()).isEqualTo(Thread.State.TIMED_WAITING);
    }
}
