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
    private final long[] rowFires;

    /**
     * @param config the update settings
     * @param rows rows of the weight matrix (outputs), at least 1
     * @param columns columns of the weight matrix (inputs), at least 1
     */
    public PulseCounter(PulseUpdateConfig config, int rows, int columns) {
        this.config = Checks.notNull("config", config);
        this.rows = Checks.positive("rows", rows);
        this.columns = Checks.positive("columns", columns);
        this.rowFires = new long[config.desiredBitLength()];
    }

    /**
     * Computes the signed pulse count of every device for the update {@code ΔW = −η·Σ_b d_b x_bᵀ}.
     *
     * @param x inputs, row-major {@code batch × columns}; read only
     * @param d errors, row-major {@code batch × rows}; read only
     * @param batch number of samples, at least 1
     * @param learningRate η, finite and non-negative
     * @param weightPerPulse the nominal weight change of one pulse, positive
     * @param random stream for the stochastic trains (unused by the deterministic scheme)
     * @param pulses output, {@code rows × columns} signed pulse counts (positive = weight up); overwritten
     * @return the number of pulses fired (for the deterministic scheme the sum of |counts|; for stochastic trains
     *     every coincidence, including those that cancel within the batch)
     */
    public long count(float[] x, float[] d, int batch, double learningRate, double weightPerPulse,
                      UniformRandomProvider random, int[] pulses) {
        Checks.positive("batch", batch);
        Checks.nonNegativeFinite("learningRate", learningRate);
        Checks.positiveFinite("weightPerPulse", weightPerPulse);
        int devices = rows * columns;
        if (pulses.length < devices) {
            throw new IllegalArgumentException("pulses must hold rows × columns = " + devices + " counts, got "
                    + pulses.length);
        }
        return config.scheme() == PulseScheme.DETERMINISTIC
                ? deterministic(x, d, batch, learningRate, weightPerPulse, pulses)
                : stochastic(x, d, batch, learningRate, weightPerPulse, random, pulses);
    }

    private long deterministic(float[] x, float[] d, int batch, double learningRate, double weightPerPulse,
                               int[] pulses) {
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
            pulses[k] = n;
            total += Math.abs(n);
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
                            UniformRandomProvider random, int[] pulses) {
        int devices = rows * columns;
        if (delta.length < devices) {
            delta = new float[devices];
        }
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
            java.util.Arrays.fill(pulses, 0, devices, 0);
            return 0;
        }
        // Row trains R (rows × slots) and column trains C (slots × columns), entries 0 or ±1.
        if (rowTrains.length < rows * slots) {
            rowTrains = new float[rows * slots];
        }
        if (columnTrains.length < slots * columns) {
            columnTrains = new float[slots * columns];
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
            java.util.Arrays.fill(rowFires, 0, bitLength, 0L);
            for (int i = 0; i < rows; i++) {
                float dv = d[b * rows + i];
                float probability = (float) Math.min(1.0, rowScale[b] * Math.abs(dv));
                float sign = Math.signum(dv);
                int base = i * slots + slot;
                for (int s = 0; s < bitLength; s++) {
                    boolean fires = uniforms[i * bitLength + s] < probability;
                    rowTrains[base + s] = fires ? sign : 0f;
                    if (fires) {
                        rowFires[s]++;
                    }
                }
            }
            RandomFill.uniform(random, uniforms, 0, columns * bitLength, 0f, 1f);
            for (int s = 0; s < bitLength; s++) {
                long columnFires = 0;
                int base = (slot + s) * columns;
                for (int j = 0; j < columns; j++) {
                    float xv = x[b * columns + j];
                    float probability = (float) Math.min(1.0, columnScale[b] * Math.abs(xv));
                    boolean fires = uniforms[s * columns + j] < probability;
                    columnTrains[base + j] = fires ? Math.signum(xv) : 0f;
                    if (fires) {
                        columnFires++;
                    }
                }
                fired += rowFires[s] * columnFires;
            }
            slot += bitLength;
        }
        // Net signed coincidences; a coincidence of signs (+,+) lowers the weight, hence the minus.
        Kernels.gemm(Transpose.NO, Transpose.NO, rows, columns, slots, -1f, rowTrains, 0, slots,
                columnTrains, 0, columns, 0f, delta, 0, columns);
        for (int k = 0; k < devices; k++) {
            pulses[k] = Math.round(delta[k]);
        }
        return fired;
    }

    private static double absMax(float[] values, int offset, int length) {
        float largest = 0f;
        for (int i = 0; i < length; i++) {
            largest = Math.max(largest, Math.abs(values[offset + i]));
        }
        return largest;
    }
}
