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
    static void deposit(SharedInt money) throws InterruptedException {
        for (int i : AMOUNTS) {
            System.out.println("deposit: " + i);
            money.set(i);                                  // money.value = i
            Thread.sleep(500); // the seed sleeps 0.05 s; longer, so that a busy machine does not hide a change
        }
    }

    // def withdraw(): data = money.value; while True: if data != money.value: data = money.value; print(data)
    static void withdraw(SharedInt money, MpProcess depositor) {
        int data = money.get();                            // data = money.value
        System.out.println("withdraw starts at: " + data);
        boolean depositing = true;
        while (depositing) {
            // The seed loops forever; we stop once the child has ended (checked before the read, so that its
            // last write is still seen).
            depositing = depositor.isAlive();
            if (data != money.get()) {
                data = money.get();
                System.out.println("withdraw sees: " + data);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        // money = Value('i', 2000)
        SharedInt money = Multiprocessing.newSharedInt(2000);

        // pid = os.fork(); if pid == 0: deposite()   -- the child deposits...
        var child = Multiprocessing.newProcess(() -> deposit(money)).start();
        // withdraw()   -- ...and the parent watches
        withdraw(money, child);
        child.join();
        System.out.println("the child has ended; money = " + money.get());
    }
}
