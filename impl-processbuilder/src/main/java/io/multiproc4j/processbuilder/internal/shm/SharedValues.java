package io.multiproc4j.processbuilder.internal.shm;

import io.multiproc4j.MpReentrantLock;
import io.multiproc4j.SharedByte;
import io.multiproc4j.SharedChar;
import io.multiproc4j.SharedDouble;
import io.multiproc4j.SharedInt;
import io.multiproc4j.SharedLong;

/** The shared values: each one cell at offset 0 of its own segment. */
final class SharedValues {

    /** A value's segment: one long-sized, aligned cell. */
    static final int SIZE = Long.BYTES;

    private SharedValues() {
    }

    static final class ShmInt extends ShmShared implements SharedInt {
        private static final long serialVersionUID = 1L;

        ShmInt(Segment s, MpReentrantLock lock) {
            super(s, SerialForm.Kind.INT, 1, lock);
        }

        @Override
        public int get() {
            return Cells.getInt(cells, 0);
        }

        @Override
        public void set(int value) {
            Cells.setInt(cells, 0, value);
        }

        @Override
        public boolean compareAndSet(int expected, int newValue) {
            return Cells.casInt(cells, 0, expected, newValue);
        }

        @Override
        public int getAndAdd(int delta) {
            return Cells.getAndAddInt(cells, 0, delta);
        }

        @Override
        public int addAndGet(int delta) {
            return Cells.getAndAddInt(cells, 0, delta) + delta;
        }

        @Override
        public String toString() {
            return "SharedInt[name=" + name() + ", value=" + get() + "]";
        }
    }

    static final class ShmLong extends ShmShared implements SharedLong {
        private static final long serialVersionUID = 1L;

        ShmLong(Segment s, MpReentrantLock lock) {
            super(s, SerialForm.Kind.LONG, 1, lock);
        }

        @Override
        public long get() {
            return Cells.getLong(cells, 0);
        }

        @Override
        public void set(long value) {
            Cells.setLong(cells, 0, value);
        }

        @Override
        public boolean compareAndSet(long expected, long newValue) {
            return Cells.casLong(cells, 0, expected, newValue);
        }

        @Override
        public long getAndAdd(long delta) {
            return Cells.getAndAddLong(cells, 0, delta);
        }

        @Override
        public long addAndGet(long delta) {
            return Cells.getAndAddLong(cells, 0, delta) + delta;
        }

        @Override
        public String toString() {
            return "SharedLong[name=" + name() + ", value=" + get() + "]";
        }
    }

    static final class ShmDouble extends ShmShared implements SharedDouble {
        private static final long serialVersionUID = 1L;

        ShmDouble(Segment s, MpReentrantLock lock) {
            super(s, SerialForm.Kind.DOUBLE, 1, lock);
        }

        @Override
        public double get() {
            return Cells.getDouble(cells, 0);
        }

        @Override
        public void set(double value) {
            Cells.setDouble(cells, 0, value);
        }

        @Override
        public boolean compareAndSet(double expected, double newValue) {
            return Cells.casDouble(cells, 0, expected, newValue);
        }

        @Override
        public double getAndAdd(double delta) {
            return Cells.getAndAddDouble(cells, 0, delta);
        }

        @Override
        public double addAndGet(double delta) {
            return Cells.getAndAddDouble(cells, 0, delta) + delta;
        }

        @Override
        public String toString() {
            return "SharedDouble[name=" + name() + ", value=" + get() + "]";
        }
    }

    static final class ShmByte extends ShmShared implements SharedByte {
        private static final long serialVersionUID = 1L;

        ShmByte(Segment s, MpReentrantLock lock) {
            super(s, SerialForm.Kind.BYTE, 1, lock);
        }

        @Override
        public byte get() {
            return Cells.getByte(cells, 0);
        }

        @Override
        public void set(byte value) {
            Cells.setByte(cells, 0, value);
        }

        @Override
        public boolean compareAndSet(byte expected, byte newValue) {
            return Cells.casByte(cells, 0, expected, newValue);
        }

        @Override
        public byte getAndAdd(byte delta) {
            return Cells.getAndAddByte(cells, 0, delta);
        }

        @Override
        public byte addAndGet(byte delta) {
            return (byte) (Cells.getAndAddByte(cells, 0, delta) + delta);
        }

        @Override
        public String toString() {
            return "SharedByte[name=" + name() + ", value=" + get() + "]";
        }
    }

    static final class ShmChar extends ShmShared implements SharedChar {
        private static final long serialVersionUID = 1L;

        ShmChar(Segment s, MpReentrantLock lock) {
            super(s, SerialForm.Kind.CHAR, 1, lock);
        }

        @Override
        public char get() {
            return Cells.getChar(cells, 0);
        }

        @Override
        public void set(char value) {
            Cells.setChar(cells, 0, value);
        }

        @Override
        public boolean compareAndSet(char expected, char newValue) {
            return Cells.casChar(cells, 0, expected, newValue);
        }

        @Override
        public String toString() {
            return "SharedChar[name=" + name() + ", value='" + get() + "']";
        }
    }
}
