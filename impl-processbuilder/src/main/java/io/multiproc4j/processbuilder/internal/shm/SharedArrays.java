package io.multiproc4j.processbuilder.internal.shm;

import io.multiproc4j.MpReentrantLock;
import io.multiproc4j.SharedByteArray;
import io.multiproc4j.SharedCharArray;
import io.multiproc4j.SharedDoubleArray;
import io.multiproc4j.SharedIntArray;
import io.multiproc4j.SharedLongArray;
import java.util.Objects;

/** The shared arrays: element {@code i} of width {@code w} at offset {@code i * w} of their own segment. */
final class SharedArrays {

    private SharedArrays() {
    }

    /**
     * @param length the number of elements
     * @param width the bytes per element
     * @return the segment size: whole longs, so that a byte or char is always inside an aligned int, and never 0
     * @throws IllegalArgumentException if {@code length} is negative or too large
     */
    static long sizeFor(int length, int width) {
        if (length < 0) {
            throw new IllegalArgumentException("the length must not be negative, but is " + length);
        }
        long bytes = Math.max(Long.BYTES, ((long) length * width + Long.BYTES - 1) & -Long.BYTES);
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a shared array has at most " + Integer.MAX_VALUE / width
                    + " elements of " + width + " bytes, not " + length);
        }
        return bytes;
    }

    abstract static class ShmArray extends ShmShared {
        private static final long serialVersionUID = 1L;

        private final int length;
        private final String typeName;

        ShmArray(Segment s, SerialForm.Kind kind, int length, MpReentrantLock lock) {
            super(s, kind, length, lock);
            this.length = length;
            this.typeName = kind.typeName();
        }

        public final int length() {
            return length;
        }

        /** @return the offset of element {@code index} */
        final int at(int index, int width) {
            return Objects.checkIndex(index, length) * width;
        }

        final void checkAll(int given) {
            if (given != length) {
                throw new IllegalArgumentException("setAll needs exactly " + length + " values for " + typeName + " '"
                        + name() + "', but was given " + given);
            }
        }

        @Override
        public String toString() {
            return typeName + "[name=" + name() + ", length=" + length + "]";
        }
    }

    static final class ShmIntArray extends ShmArray implements SharedIntArray {
        private static final long serialVersionUID = 1L;

        ShmIntArray(Segment s, int length, MpReentrantLock lock) {
            super(s, SerialForm.Kind.INT_ARRAY, length, lock);
        }

        @Override
        public int get(int index) {
            return Cells.getInt(cells, at(index, Integer.BYTES));
        }

        @Override
        public void set(int index, int value) {
            Cells.setInt(cells, at(index, Integer.BYTES), value);
        }

        @Override
        public int[] toArray() {
            int[] a = new int[length()];
            for (int i = 0; i < a.length; i++) {
                a[i] = get(i);
            }
            return a;
        }

        @Override
        public void setAll(int[] values) {
            checkAll(values.length);
            for (int i = 0; i < values.length; i++) {
                set(i, values[i]);
            }
        }

        @Override
        public int addAndGet(int index, int delta) {
            return Cells.getAndAddInt(cells, at(index, Integer.BYTES), delta) + delta;
        }

        @Override
        public boolean compareAndSet(int index, int expected, int newValue) {
            return Cells.casInt(cells, at(index, Integer.BYTES), expected, newValue);
        }
    }

    static final class ShmLongArray extends ShmArray implements SharedLongArray {
        private static final long serialVersionUID = 1L;

        ShmLongArray(Segment s, int length, MpReentrantLock lock) {
            super(s, SerialForm.Kind.LONG_ARRAY, length, lock);
        }

        @Override
        public long get(int index) {
            return Cells.getLong(cells, at(index, Long.BYTES));
        }

        @Override
        public void set(int index, long value) {
            Cells.setLong(cells, at(index, Long.BYTES), value);
        }

        @Override
        public long[] toArray() {
            long[] a = new long[length()];
            for (int i = 0; i < a.length; i++) {
                a[i] = get(i);
            }
            return a;
        }

        @Override
        public void setAll(long[] values) {
            checkAll(values.length);
            for (int i = 0; i < values.length; i++) {
                set(i, values[i]);
            }
        }

        @Override
        public long addAndGet(int index, long delta) {
            return Cells.getAndAddLong(cells, at(index, Long.BYTES), delta) + delta;
        }

        @Override
        public boolean compareAndSet(int index, long expected, long newValue) {
            return Cells.casLong(cells, at(index, Long.BYTES), expected, newValue);
        }
    }

    static final class ShmDoubleArray extends ShmArray implements SharedDoubleArray {
        private static final long serialVersionUID = 1L;

        ShmDoubleArray(Segment s, int length, MpReentrantLock lock) {
            super(s, SerialForm.Kind.DOUBLE_ARRAY, length, lock);
        }

        @Override
        public double get(int index) {
            return Cells.getDouble(cells, at(index, Double.BYTES));
        }

        @Override
        public void set(int index, double value) {
            Cells.setDouble(cells, at(index, Double.BYTES), value);
        }

        @Override
        public double[] toArray() {
            double[] a = new double[length()];
            for (int i = 0; i < a.length; i++) {
                a[i] = get(i);
            }
            return a;
        }

        @Override
        public void setAll(double[] values) {
            checkAll(values.length);
            for (int i = 0; i < values.length; i++) {
                set(i, values[i]);
            }
        }

        @Override
        public double addAndGet(int index, double delta) {
            return Cells.getAndAddDouble(cells, at(index, Double.BYTES), delta) + delta;
        }

        @Override
        public boolean compareAndSet(int index, double expected, double newValue) {
            return Cells.casDouble(cells, at(index, Double.BYTES), expected, newValue);
        }
    }

    static final class ShmByteArray extends ShmArray implements SharedByteArray {
        private static final long serialVersionUID = 1L;

        ShmByteArray(Segment s, int length, MpReentrantLock lock) {
            super(s, SerialForm.Kind.BYTE_ARRAY, length, lock);
        }

        @Override
        public byte get(int index) {
            return Cells.getByte(cells, at(index, Byte.BYTES));
        }

        @Override
        public void set(int index, byte value) {
            Cells.setByte(cells, at(index, Byte.BYTES), value);
        }

        @Override
        public byte[] toArray() {
            byte[] a = new byte[length()];
            for (int i = 0; i < a.length; i++) {
                a[i] = get(i);
            }
            return a;
        }

        @Override
        public void setAll(byte[] values) {
            checkAll(values.length);
            for (int i = 0; i < values.length; i++) {
                set(i, values[i]);
            }
        }
    }

    static final class ShmCharArray extends ShmArray implements SharedCharArray {
        private static final long serialVersionUID = 1L;

        ShmCharArray(Segment s, int length, MpReentrantLock lock) {
            super(s, SerialForm.Kind.CHAR_ARRAY, length, lock);
        }

        @Override
        public char get(int index) {
            return Cells.getChar(cells, at(index, Character.BYTES));
        }

        @Override
        public void set(int index, char value) {
            Cells.setChar(cells, at(index, Character.BYTES), value);
        }

        @Override
        public char[] toArray() {
            char[] a = new char[length()];
            for (int i = 0; i < a.length; i++) {
                a[i] = get(i);
            }
            return a;
        }

        @Override
        public void setAll(char[] values) {
            checkAll(values.length);
            for (int i = 0; i < values.length; i++) {
                set(i, values[i]);
            }
        }

        @Override
        public String getString() {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < length(); i++) {
                char c = get(i);
                if (c == '\0') {
                    break;
                }
                s.append(c);
            }
            return s.toString();
        }

        @Override
        public void setString(String value) {
            if (value.length() > length()) {
                throw new IllegalArgumentException("a string of " + value.length() + " chars does not fit in "
                        + "SharedCharArray '" + name() + "' of length " + length());
            }
            for (int i = 0; i < value.length(); i++) {
                set(i, value.charAt(i));
            }
            if (value.length() < length()) {
                set(value.length(), '\0');
            }
        }

        @Override
        public String toString() {
            return "SharedCharArray[name=" + name() + ", length=" + length() + ", value=\"" + getString() + "\"]";
        }
    }
}
