package org.xbarlab.calibration.data;

import java.util.Arrays;

/** Primitive columns that grow while a file is read (no boxing per row). */
final class GrowableColumns {

    int size;
    int[] ints0 = new int[64];
    int[] ints1 = new int[64];
    int[] ints2 = new int[64];
    int[] rows = new int[64];
    double[] doubles0 = new double[64];
    double[] doubles1 = new double[64];
    double[] doubles2 = new double[64];

    /** Makes room for one more row and returns its index. */
    int add() {
        if (size == rows.length) {
            int capacity = Math.max(64, rows.length * 2);
            ints0 = Arrays.copyOf(ints0, capacity);
            ints1 = Arrays.copyOf(ints1, capacity);
            ints2 = Arrays.copyOf(ints2, capacity);
            rows = Arrays.copyOf(rows, capacity);
            doubles0 = Arrays.copyOf(doubles0, capacity);
            doubles1 = Arrays.copyOf(doubles1, capacity);
            doubles2 = Arrays.copyOf(doubles2, capacity);
        }
        return size++;
    }
}
