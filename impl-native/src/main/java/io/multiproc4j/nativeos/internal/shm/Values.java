package io.multiproc4j.nativeos.internal.shm;

import io.multiproc4j.MpReentrantLock;
import io.multiproc4j.SharedByte;
import io.multiproc4j.SharedChar;
import io.multiproc4j.SharedDouble;
import io.multiproc4j.SharedInt;
import io.multiproc4j.SharedLong;

/** The shared values: one cell at offset 0 of their own memory. */
final class Values {

    private Values() {
    }

    static final class IntValue extends CellObject implements SharedInt {
        private static final long serialVersionUID = 1L;

        IntValue(Cells cells, MpReentrantLock lock) {
            super(cells, Captured.Kind.INT, 1, lock);
        }

        @Override
        public int get() {
            return cells.getInt(0);
        }

        @Override
        public void set(int value) {
            cells.setInt(0, value);
        }

        @Override
        public boolean compareAndSet(int expected, int newValue) {
            return cells.compareAndSetInt(0, expected, newValue);
        }

        @Override
        public int getAndAdd(int delta) {
            return cells.getAndAddInt(0, delta);
        }

        @Override
        public int addAndGet(int delta) {
            return cells.getAndAddInt(0, delta) + delta;
        }

        @Override
        public String toString() {
            return "SharedInt[" + get() + "]";
        }
    }

    static final class LongValue extends CellObject implements SharedLong {
        private static final long serialVersionUID = 1L;

        LongValue(Cells cells, MpReentrantLock lock) {
            super(cells, Captured.Kind.LONG, 1, lock);
        }

        @Override
        public long get() {
            return cells.getLong(0);
        }

        @Override
        public void set(long value) {
            cells.setLong(0, value);
        }

        @Override
        public boolean compareAndSet(long expected, long newValue) {
            return cells.compareAndSetLong(0, expected, newValue);
        }

        @Override
        public long getAndAdd(long delta) {
            return cells.getAndAddLong(0, delta);
        }

        @Override
        public long addAndGet(long delta) {
            return cells.getAndAddLong(0, delta) + delta;
        }

        @Override
        public String toString() {
            return "SharedLong[" + get() + "]";
        }
    }

    static final class DoubleValue extends CellObject implements SharedDouble {
        private static final long serialVersionUID = 1L;

        DoubleValue(Cells cells, MpReentrantLock lock) {
            super(cells, Captured.Kind.DOUBLE, 1, lock);
        }

        @Override
        public double get() {
            return cells.getDouble(0);
        }

        @Override
        public void set(double value) {
            cells.setDouble(0, value);
        }

        @Override
        public boolean compareAndSet(double expected, double newValue) {
            return cells.compareAndSetDouble(0, expected, newValue);
        }

        @Override
        public double getAndAdd(double delta) {
            return cells.getAndAddDouble(0, delta);
        }

        @Override
        public double addAndGet(double delta) {
            return cells.getAndAddDouble(0, delta) + delta;
        }

        @Override
        public String toString() {
            return "SharedDouble[" + get() + "]";
        }
    }

    static final class ByteValue extends CellObject implements SharedByte {
        private static final long serialVersionUID = 1L;

        ByteValue(Cells cells, MpReentrantLock lock) {
            super(cells, Captured.Kind.BYTE, 1, lock);
        }

        @Override
        public byte get() {
            return cells.getByte(0);
        }

        @Override
        public void set(byte value) {
            cells.setByte(0, value);
        }

        @Override
        public boolean compareAndSet(byte expected, byte newValue) {
            return cells.compareAndSetByte(0, expected, newValue);
        }

        @Override
        public byte getAndAdd(byte delta) {
            return cells.getAndAddByte(0, delta);
        }

        @Override
        public byte addAndGet(byte delta) {
            return (byte) (cells.getAndAddByte(0, delta) + delta);
        }

        @Override
        public String toString() {
            return "SharedByte[" + get() + "]";
        }
    }

    static final class CharValue extends CellObject implements SharedChar {
        private static final long serialVersionUID = 1L;

        CharValue(Cells cells, MpReentrantLock lock) {
            super(cells, Captured.Kind.CHAR, 1, lock);
        }

        @Override
        public char get() {
            return cells.getChar(0);
        }

        @Override
        public void set(char value) {
            cells.setChar(0, value);
        }

        @Override
        public boolean compareAndSet(char expected, char newValue) {
            return cells.compareAndSetChar(0, expected, newValue);
        }

        @Override
        public String toString() {
            return "SharedChar['" + get() + "']";
        }
    }
}
