// Port of seed 001 "共享内存" (money = Value('i', 2000); deposite() in the child, withdraw() in the parent).
package io.multiproc4j.examples;

import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.SharedInt;

/**
 * A child writes amounts into a shared int; the parent watches it and prints every new value. Each write replaces
 * the last one: shared memory holds one value, not a history of messages.
 */
public class DepositWithdraw {

    /** The seed reads the amounts with {@code input()}; a child's standard input is empty, so they are fixed here. */
    static final int[] AMOUNTS = {2500, 1800, 3000};

    // def deposite(): while True: i = int(input("请输入：")); money.value = i; sleep(0.05)
    static void deposit(SharedInt money, SharedInt seen) {
        for (int i : AMOUNTS) {
            // The seed sleeps 0.05 s and hopes the parent has looked by then; on a busy machine it may not have,
            // and an amount would go unseen. Not in the seed: wait until the parent has seen the current amount.
            while (seen.get() != money.get()) {
                Thread.onSpinWait();
            }
            System.out.println("deposit: " + i);
            money.set(i);                                  // money.value = i
        }
    }

    // def withdraw(): data = money.value; while True: if data != money.value: data = money.value; print(data)
    static void withdraw(SharedInt money, SharedInt seen, MpProcess depositor) {
        int data = money.get();                            // data = money.value
        System.out.println("withdraw starts at: " + data);
        seen.set(data);
        boolean depositing = true;
        while (depositing) {
            // The seed loops forever; we stop once the child has ended (checked before the read, so that its
            // last write is still seen).
            depositing = depositor.isAlive();
            if (data != money.get()) {
                data = money.get();
                System.out.println("withdraw sees: " + data);
                seen.set(data);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        // money = Value('i', 2000)
        SharedInt money = Multiprocessing.newSharedInt(2000);
        SharedInt seen = Multiprocessing.newSharedInt(0);  // not in the seed: the last amount the parent printed

        // pid = os.fork(); if pid == 0: deposite()   -- the child deposits...
        var child = Multiprocessing.newProcess(() -> deposit(money, seen)).start();
        // withdraw()   -- ...and the parent watches
        withdraw(money, seen, child);
        child.join();
        System.out.println("the child has ended; money = " + money.get());
    }
}
