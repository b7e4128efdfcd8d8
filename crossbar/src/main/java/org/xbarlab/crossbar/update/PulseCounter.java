package org.xbarlab.crossbar.update;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.core.Checks;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.kernels.Transpose;
import org.xbarlab.core.random.RandomFill;

/**
 * Counts the write pulses of an outer-product update {@code ΔW = −η·Σ_b d_b x_bᵀ} of a tile whose weights are
 * stored {@code rows × columns} (rows = outputs, driven by the error {@code d}; columns = inputs, driven by
 * {@code x}). The result is a signed pulse count per device (positive raises the weight) and the total number of
 * pulses fired, which is what the energy model charges.
 *
 * <p>Not thread-safe (keeps work buffers); one instance per tile.
 */
public final class PulseCounter {

    private final PulseUpdateConfig config;
    private final int rows;
    private final int columns;
    private float[] delta = new float[0];
    private float[] rowTrains = new float[0];
    private float[] columnTrains = new float[0];
    private float[] uniforms = new float[0];
    /** Signed counts of the last update, zero outside {@link #touched}. */
    private final int[] counts;
    /** Devices that may have a non-zero count after the last update, ascending; {@link #touchedCount} used. */
    private final int[] touched;
    private int touchedCount;
    /** One bit per device: hit by a coincidence during a sparse enumeration; {@link #touched} is read off it in
     * ascending order, and it is cleared as it is read. */
    private final long[] listed;
    /** Firing rows per slot ({@code i} for a positive train, {@code ~i} for a negative one), slot-major. */
    private int[] rowFiring = new int[0];
    private int[] rowFiringCount = new int[0];
    /** Firing columns per slot, coded like {@link #rowFiring}. */
    private int[] columnFiring = new int[0];
    private int[] columnFiringCount = new int[0];

    /**
     * @param config the update settings
     * @param rows rows of the weight matrix (outputs), at least 1
     * @param columns columns of the weight matrix (inputs), at least 1
     */
    public PulseCounter(PulseUpdateConfig config, int rows, int columns) {
        this.config = Checks.notNull("config", config);
        this.rows = Checks.positive("rows", rows);
        this.columns = Checks.positive("columns", columns);
        int devices = Math.multiplyExact(rows, columns);
        this.counts = new int[devices];
        this.touched = new int[devices];
        this.listed = new long[(devices + 63) >>> 6];
    }

    /**
     * The signed pulse count of every device from the last {@link #count(float[], float[], int, double, double,
     * UniformRandomProvider)}: row-major {@code rows × columns}, zero for every device not in {@link #touched()}.
     * Owned by this counter; read only, valid until the next call.
     *
     * @return the counts
     */
    public int[] counts() {
        return counts;
    }

    /**
     * The devices with a non-zero count after the last update, in ascending order; the first
     * {@link #touchedCount()} entries are used. Owned by this counter; read only, valid until the next call.
     *
     * @return the device indices
     */
    public int[] touched() {
        return touched;
    }

    /**
     * Number of used entries of {@link #touched()}.
     *
     * @return the count
     */
    public int touchedCount() {
        return touchedCount;
    }

    /**
     * Computes the signed pulse count of every device for the update {@code ΔW = −η·Σ_b d_b x_bᵀ} into
     * {@link #counts()}, listing the devices with a non-zero count in {@link #touched()}. The stochastic trains are
     * summed by enumerating their coincidences when they are sparse (the usual case: a cost proportional to the
     * pulses fired instead of to the devices) and by one matrix product otherwise; both give the same integers.
     *
     * @param x inputs, row-major {@code batch × columns}; read only
     * @param d errors, row-major {@code batch × rows}; read only
     * @param batch number of samples, at least 1
     * @param learningRate η, finite and non-negative
     * @param weightPerPulse the nominal weight change of one pulse, positive
     * @param random stream for the stochastic trains (unused by the deterministic scheme)
     * @return the number of pulses fired (for the deterministic scheme the sum of |counts|; for stochastic trains
     *     every coincidence, including those that cancel within the batch)
     */
    public long count(float[] x, float[] d, int batch, double learningRate, double weightPerPulse,
                      UniformRandomProvider random) {
        Checks.positive("batch", batch);
        Checks.nonNegativeFinite("learningRate", learningRate);
        Checks.positiveFinite("weightPerPulse", weightPerPulse);
        for (int t = 0; t < touchedCount; t++) {
            counts[touched[t]] = 0;
        }
        touchedCount = 0;
        return config.scheme() == PulseScheme.DETERMINISTIC
                ? deterministic(x, d, batch, learningRate, weightPerPulse)
                : stochastic(x, d, batch, learningRate, weightPerPulse, random);
    }

    private long deterministic(float[] x, float[] d, int batch, double learningRate, double weightPerPulse) {
        int devices = rows * columns;
        if (delta.length < devices) {
            delta = new float[devices];
        }
        // ΔW / Δw_pulse = −(η/Δw_pulse)·Dᵀ·X, one rank-k product through the kernels.
        Kernels.gemm(Transpose.YES, Transpose.NO, rows, columns, batch, (float) (-learningRate / weightPerPulse),
                d, 0, rows, x, 0, columns, 0f, delta, 0, columns);
        int cap = config.maxPulsesPerUpdate();
        long total = 0;
        for (int k = 0; k < devices; k++) {
            int n = (int) Math.max(-cap, Math.min(cap, Math.rint(delta[k])));
            counts[k] = n;
            if (n != 0) {
                touched[touchedCount++] = k;
                total += Math.abs(n);
            }
        }
        return total;
    }

    /**
     * aihwkit's stochastic compressed trains (aihwkit.md §1.5). Per sample: {@code k = η·x_max·d_max/ε}; with bit
     * length management {@code BL = min(⌈k⌉, desired)}, else {@code BL = desired}; {@code A = B = √(η/(ε·BL))};
     * update management rescales {@code A ← A·√(x_max/d_max)}, {@code B ← B·√(d_max/x_max)} after clipping
     * {@code d_max} so that {@code k ≤ BL}. Row {@code i} fires in a slot with probability {@code min(1, A|d_i|)},
     * column {@code j} with {@code min(1, B|x_j|)}; the coincidences of all slots of all samples are summed with a
     * signed 0/±1 matrix product (one gemm), which gives the net count; the fired total is counted separately.
     */
    private long stochastic(float[] x, float[] d, int batch, double learningRate, double weightPerPulse,
                            UniformRandomProvider random) {
        int maxBitLength = config.desiredBitLength();
        int slots = 0;
        int[] bitLengths = new int[batch];
        double[] rowScale = new double[batch];
        double[] columnScale = new double[batch];
        for (int b = 0; b < batch; b++) {
            double xMax = absMax(x, b * columns, columns);
            double dMax = absMax(d, b * rows, rows);
            if (xMax == 0 || dMax == 0 || learningRate == 0) {
                bitLengths[b] = 0;
                continue;
            }
            double k = learningRate * xMax * dMax / weightPerPulse;
            int bitLength = config.bitLengthManagement()
                    ? (int) Math.max(1, Math.min(Math.ceil(k), maxBitLength)) : maxBitLength;
            double a = Math.sqrt(learningRate / (weightPerPulse * bitLength));
            double bScale = a;
            if (config.updateManagement()) {
                double clippedDMax = k > bitLength ? dMax * bitLength / k : dMax;
                a *= Math.sqrt(xMax / clippedDMax);
                bScale *= Math.sqrt(clippedDMax / xMax);
            }
            bitLengths[b] = bitLength;
            rowScale[b] = a;
            columnScale[b] = bScale;
            slots += bitLength;
        }
        if (slots == 0) {
            return 0;
        }
        // The trains of every slot of every sample, as lists of the lines that fire (with their sign).
        if (rowFiringCount.length < slots) {
            rowFiringCount = new int[slots];
            columnFiringCount = new int[slots];
        }
        if (rowFiring.length < rows * slots) {
            rowFiring = new int[rows * slots];
        }
        if (columnFiring.length < columns * slots) {
            columnFiring = new int[columns * slots];
        }
        int largest = Math.max(rows, columns) * maxBitLength;
        if (uniforms.length < largest) {
            uniforms = new float[largest];
        }
        long fired = 0;
        int slot = 0;
        for (int b = 0; b < batch; b++) {
            int bitLength = bitLengths[b];
            if (bitLength == 0) {
                continue;
            }
            RandomFill.uniform(random, uniforms, 0, rows * bitLength, 0f, 1f);
            java.util.Arrays.fill(rowFiringCount, slot, slot + bitLength, 0);
            for (int i = 0; i < rows; i++) {
                float dv = d[b * rows + i];
                if (dv == 0f) {
                    continue; // never fires (its draws are still taken, so the stream does not depend on it)
                }
                float probability = (float) Math.min(1.0, rowScale[b] * Math.abs(dv));
                int code = dv > 0 ? i : ~i;
                for (int s = 0; s < bitLength; s++) {
                    // Branch-free: the entry is written either way and kept only when the line fires.
                    int at = slot + s;
                    int n = rowFiringCount[at];
                    rowFiring[at * rows + n] = code;
                    rowFiringCount[at] = n + (uniforms[i * bitLength + s] < probability ? 1 : 0);
                }
            }
            RandomFill.uniform(random, uniforms, 0, columns * bitLength, 0f, 1f);
            for (int s = 0; s < bitLength; s++) {
                int at = slot + s;
                int n = 0;
                int base = at * columns;
                for (int j = 0; j < columns; j++) {
                    float xv = x[b * columns + j];
                    if (xv == 0f) {
                        continue;
                    }
                    float probability = (float) Math.min(1.0, columnScale[b] * Math.abs(xv));
                    columnFiring[base + n] = xv > 0 ? j : ~j;
                    n += uniforms[s * columns + j] < probability ? 1 : 0;
                }
                columnFiringCount[at] = n;
                fired += (long) rowFiringCount[at] * n;
            }
            slot += bitLength;
        }
        // Sum the coincidences: one by one when they are few, else as one signed 0/±1 matrix product. A
        // coincidence of like signs lowers the weight.
        if (fired * DENSE_COST_RATIO < (long) rows * columns * slots) {
            enumerate(slots);
        } else {
            multiply(slots);
        }
        return fired;
    }

    /**
     * Enumerated coincidences cost this many times a multiply-add of the matrix product (measured roughly in
     * {@code TrainingBatchBenchmark}); the product is used when it is cheaper.
     */
    private static final long DENSE_COST_RATIO = 8;

    private void enumerate(int slots) {
        for (int at = 0; at < slots; at++) {
            int rowCount = rowFiringCount[at];
            int columnCount = columnFiringCount[at];
            if (rowCount == 0 || columnCount == 0) {
                continue;
            }
            int rowBase = at * rows;
            int columnBase = at * columns;
            for (int r = 0; r < rowCount; r++) {
                int rowCode = rowFiring[rowBase + r];
                int i = rowCode >= 0 ? rowCode : ~rowCode;
                int offset = i * columns;
                for (int c = 0; c < columnCount; c++) {
                    int columnCode = columnFiring[columnBase + c];
                    int k = offset + (columnCode >= 0 ? columnCode : ~columnCode);
                    // like signs (both codes ≥ 0 or both < 0) lower the weight
                    counts[k] += (rowCode ^ columnCode) >= 0 ? -1 : 1;
                    listed[k >>> 6] |= 1L << k;
                }
            }
        }
        // The touched cells in ascending order, from the bitmap (one word per 64 cells): no sort.
        for (int word = 0; word < listed.length; word++) {
            long bits = listed[word];
            if (bits == 0) {
                continue;
            }
            listed[word] = 0L;
            int base = word << 6;
            while (bits != 0) {
                int k = base + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                if (counts[k] != 0) {
                    touched[touchedCount++] = k;
                }
            }
        }
    }

    private void multiply(int slots) {
        int devices = rows * columns;
        if (delta.length < devices) {
            delta = new float[devices];
        }
        // Row trains R (rows × slots) and column trains C (slots × columns), entries 0 or ±1.
        if (rowTrains.length < rows * slots) {
            rowTrains = new float[rows * slots];
        }
        if (columnTrains.length < slots * columns) {
            columnTrains = new float[slots * columns];
        }
        java.util.Arrays.fill(rowTrains, 0, rows * slots, 0f);
        java.util.Arrays.fill(columnTrains, 0, slots * columns, 0f);
        for (int at = 0; at < slots; at++) {
            for (int r = 0; r < rowFiringCount[at]; r++) {
                int code = rowFiring[at * rows + r];
                rowTrains[(code >= 0 ? code : ~code) * slots + at] = code >= 0 ? 1f : -1f;
            }
            for (int c = 0; c < columnFiringCount[at]; c++) {
                int code = columnFiring[at * columns + c];
                columnTrains[at * columns + (code >= 0 ? code : ~code)] = code >= 0 ? 1f : -1f;
            }
        }
        Kernels.gemm(Transpose.NO, Transpose.NO, rows, columns, slots, -1f, rowTrains, 0, slots,
                columnTrains, 0, columns, 0f, delta, 0, columns);
        for (int k = 0; k < devices; k++) {
            int n = Math.round(delta[k]);
            counts[k] = n;
            if (n != 0) {
                touched[touchedCount++] = k;
            }
        }
    }

    private static double absMax(float[] values, int offset, int length) {
        float largest = 0f;
        for (int i = 0; i < length; i++) {
            largest = Math.max(largest, Math.abs(values[offset + i]));
        }
        return largest;
    }
}
