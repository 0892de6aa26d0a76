package io.multiproc4j.nativeos.internal.shm;

import io.multiproc4j.MpReentrantLock;
import io.multiproc4j.SharedByteArray;
import io.multiproc4j.SharedCharArray;
import io.multiproc4j.SharedDoubleArray;
import io.multiproc4j.SharedIntArray;
import io.multiproc4j.SharedLongArray;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/** The shared arrays: element {@code i} of width {@code w} at byte offset {@code i * w} of their own memory. */
final class CellArrays {

    private CellArrays() {
    }

    /** What every array has: its length, and the checks of an index and of a whole new content. */
    abstract static class CellArray extends CellObject {
        private static final long serialVersionUID = 1L;

        private final transient ValueLayout layout;

        CellArray(Cells cells, Captured.Kind kind, int length, MpReentrantLock lock, ValueLayout layout) {
            super(cells, kind, length, lock);
            this.layout = layout;
        }

        /** @return the byte offset of element {@code index} */
        final long at(int index) {
            return Objects.checkIndex(index, length()) * layout.byteSize();
        }

        /** Copies every element into {@code array}, of the element type and {@link #length()} long. */
        final <A> A copyOut(A array) {
            cells.copyOut(layout, 0, array, 0, length());
            return array;
        }

        /** Copies every element from {@code array}, of the element type, after checking its length. */
        final void copyIn(Object array, int given) {
            if (given != length()) {
                throw new IllegalArgumentException("setAll needs exactly " + length() + " values for this "
                        + typeName() + ", but was given " + given);
            }
            cells.copyIn(array, 0, layout, 0, given);
        }

        @Override
        public String toString() {
            return typeName() + "[length=" + length() + "]";
        }
    }

    static final class IntArray extends CellArray implements SharedIntArray {
        private static final long serialVersionUID = 1L;

        IntArray(Cells cells, int length, MpReentrantLock lock) {
            super(cells, Captured.Kind.INT_ARRAY, length, lock, ValueLayout.JAVA_INT);
        }

        @Override
        public int get(int index) {
            return cells.getInt(at(index));
        }

        @Override
        public void set(int index, int value) {
            cells.setInt(at(index), value);
        }

        @Override
        public int[] toArray() {
            return copyOut(new int[length()]);
        }

        @Override
        public void setAll(int[] values) {
            copyIn(values, values.length);
        }

        @Override
        public int addAndGet(int index, int delta) {
            return cells.getAndAddInt(at(index), delta) + delta;
        }

        @Override
        public boolean compareAndSet(int index, int expected, int newValue) {
            return cells.compareAndSetInt(at(index), expected, newValue);
        }
    }

    static final class LongArray extends CellArray implements SharedLongArray {
        private static final long serialVersionUID = 1L;

        LongArray(Cells cells, int length, MpReentrantLock lock) {
            super(cells, Captured.Kind.LONG_ARRAY, length, lock, ValueLayout.JAVA_LONG);
        }

        @Override
        public long get(int index) {
            return cells.getLong(at(index));
        }

        @Override
        public void set(int index, long value) {
            cells.setLong(at(index), value);
        }

        @Override
        public long[] toArray() {
            return copyOut(new long[length()]);
        }

        @Override
        public void setAll(long[] values) {
            copyIn(values, values.length);
        }

        @Override
        public long addAndGet(int index, long delta) {
            return cells.getAndAddLong(at(index), delta) + delta;
        }

        @Override
        public boolean compareAndSet(int index, long expected, long newValue) {
            return cells.compareAndSetLong(at(index), expected, newValue);
        }
    }

    static final class DoubleArray extends CellArray implements SharedDoubleArray {
        private static final long serialVersionUID = 1L;

        DoubleArray(Cells cells, int length, MpReentrantLock lock) {
            super(cells, Captured.Kind.DOUBLE_ARRAY, length, lock, ValueLayout.JAVA_DOUBLE);
        }

        @Override
        public double get(int index) {
            return cells.getDouble(at(index));
        }

        @Override
        public void set(int index, double value) {
            cells.setDouble(at(index), value);
        }

        @Override
        public double[] toArray() {
            return copyOut(new double[length()]);
        }

        @Override
        public void setAll(double[] values) {
            copyIn(values, values.length);
        }

        @Override
        public double addAndGet(int index, double delta) {
            return cells.getAndAddDouble(at(index), delta) + delta;
        }

        @Override
        public boolean compareAndSet(int index, double expected, double newValue) {
            return cells.compareAndSetDouble(at(index), expected, newValue);
        }
    }

    static final class ByteArray extends CellArray implements SharedByteArray {
        private static final long serialVersionUID = 1L;

        ByteArray(Cells cells, int length, MpReentrantLock lock) {
            super(cells, Captured.Kind.BYTE_ARRAY, length, lock, ValueLayout.JAVA_BYTE);
        }

        @Override
        public byte get(int index) {
            return cells.getByte(at(index));
        }

        @Override
        public void set(int index, byte value) {
            cells.setByte(at(index), value);
        }

        @Override
        public byte[] toArray() {
            return copyOut(new byte[length()]);
        }

        @Override
        public void setAll(byte[] values) {
            copyIn(values, values.length);
        }
    }

    static final class CharArray extends CellArray implements SharedCharArray {
        private static final long serialVersionUID = 1L;

        CharArray(Cells cells, int length, MpReentrantLock lock) {
            super(cells, Captured.Kind.CHAR_ARRAY, length, lock, ValueLayout.JAVA_CHAR);
        }

        @Override
        public char get(int index) {
            return cells.getChar(at(index));
        }

        @Override
        public void set(int index, char value) {
            cells.setChar(at(index), value);
        }

        @Override
        public char[] toArray() {
            return copyOut(new char[length()]);
        }

        @Override
        public void setAll(char[] values) {
            copyIn(values, values.length);
        }

        @Override
        public String getString() {
            char[] all = toArray();
            int end = 0;
            while (end < all.length && all[end] != '\0') {
                end++;
            }
            return new String(all, 0, end);
        }

        @Override
        public void setString(String value) {
            int n = value.length();
            if (n > length()) {
                throw new IllegalArgumentException("a string of " + n + " chars does not fit in this SharedCharArray"
                        + " of length " + length());
            }
            char[] chars = value.toCharArray();
            cells.copyIn(chars, 0, ValueLayout.JAVA_CHAR, 0, n);
            if (n < length()) {
                set(n, '\0');
            }
        }

        @Override
        public String toString() {
            return "SharedCharArray[\"" + getString() + "\"]";
        }
    }
}
