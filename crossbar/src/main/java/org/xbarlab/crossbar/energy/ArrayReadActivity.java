package org.xbarlab.crossbar.energy;

import org.xbarlab.core.Checks;

/**
 * How hard the inputs of a batch of analog products drove the array: the sums the read energy needs. With
 * {@code V_r} the read voltage, {@code u = V/V_r} the relative drive of an input line in one read cycle (0 to 1),
 * and {@code G_i} the sum of the conductances of the cells on input line {@code i}, summed over the samples
 * {@code b}, read cycles {@code c} and input lines {@code i} of the batch:
 *
 * <ul>
 *   <li>{@code activeLineCycleCount = #{(b, c, i) : u > 0}}: input conversions (DAC or driver activations);</li>
 *   <li>{@code driveSquaredSum = Σ u²}: sets the energy of charging the input line wires, {@code C_line·V²};</li>
 *   <li>{@code driveSquaredConductanceSumSiemens = Σ u²·G_i}: sets the cell conduction energy
 *       {@code Σ_cells V²·G·t = V_r²·t·Σ u²·G_i}, exactly, since all cells of a line see the line's voltage.</li>
 * </ul>
 *
 * <p>The factories compute these sums from the actual inputs and conductances ({@link #fromInputs}) or estimate
 * them from an activity fraction and a mean conductance ({@link #uniform}). Both directions of a product use the
 * same sums: for a transposed product the input lines are the other lines of the array, so pass the conductance
 * sums along the other axis ({@link #rowSums} versus {@link #columnSums}).
 *
 * @param activeLineCycleCount input lines driven (with a non-zero input), counted per sample and read cycle;
 *     non-negative
 * @param driveSquaredSum {@code Σ u²}, non-negative, finite and at most {@code activeLineCycleCount} (within
 *     rounding)
 * @param driveSquaredConductanceSumSiemens {@code Σ u²·G_i} (S), non-negative and finite
 */
public record ArrayReadActivity(long activeLineCycleCount, double driveSquaredSum,
                                double driveSquaredConductanceSumSiemens) {

    /** Per-thread drives of {@link #fromInputs}. */
    private static final ThreadLocal<Drive> SCRATCH = ThreadLocal.withInitial(Drive::new);

    /** No input line driven. */
    public static final ArrayReadActivity NONE = new ArrayReadActivity(0, 0, 0);

    /** Relative slack allowed when checking {@code driveSquaredSum <= activeLineCycleCount} (summation rounding). */
    private static final double RELATIVE_TOLERANCE_SUMMATION = 1e-9;

    /** Validates the fields. */
    public ArrayReadActivity {
        Checks.nonNegative("activeLineCycleCount", activeLineCycleCount);
        Checks.nonNegativeFinite("driveSquaredSum", driveSquaredSum);
        Checks.nonNegativeFinite("driveSquaredConductanceSumSiemens", driveSquaredConductanceSumSiemens);
        Checks.isTrue(driveSquaredSum <= activeLineCycleCount * (1 + RELATIVE_TOLERANCE_SUMMATION),
                "driveSquaredSum (%s) must not exceed activeLineCycleCount (%d): a relative drive is at most 1",
                driveSquaredSum, activeLineCycleCount);
    }

    /**
     * The exact activity of a batch of products from its inputs.
     *
     * <p>An input {@code x} drives its line with {@code f = min(|x| / inputFullScale, 1)}. With a multi-bit DAC
     * (one cycle) the line is driven at {@code u = f}, rounding of the DAC ignored (its effect on {@code u²} is of
     * second order). Bit-serial, {@code f} is rounded to {@code q = round(f·(2^m − 1))} with {@code m} the
     * precision's cycle count, and the line is driven at full voltage in the cycles whose bit of {@code q} is set,
     * so it contributes {@code popcount(q)} to every sum. Runs in {@code O(batch·lines)}.
     *
     * @param inputs the inputs, row-major {@code batch × inputLineCount}; read only; finite
     * @param batch number of samples, at least 1
     * @param inputLineCount input lines per sample, at least 1
     * @param inputFullScale input magnitude that drives a line at the full read voltage, positive and finite
     * @param precision the conversion settings (only the cycle count matters here), not null
     * @param lineConductanceSumsSiemens for each input line, the sum of the conductances of its cells (S), length
     *     {@code inputLineCount}; read only
     * @return the activity
     * @throws IllegalArgumentException if a size does not match or an input is not finite
     */
    public static ArrayReadActivity fromInputs(float[] inputs, int batch, int inputLineCount, double inputFullScale,
                                               MvmPrecision precision, double[] lineConductanceSumsSiemens) {
        Checks.notNull("lineConductanceSumsSiemens", lineConductanceSumsSiemens);
        Drive drive = SCRATCH.get();
        drive(inputs, batch, inputLineCount, inputFullScale, precision, drive);
        return of(drive, lineConductanceSumsSiemens);
    }

    /**
     * The line drives of a batch of inputs, before they are weighted by the lines' conductances: the part of
     * {@link #fromInputs} that arrays with the same inputs, full scale and precision (the tiles of one tile column)
     * share. Filled by {@link #drive}, turned into an activity by {@link #of}; read only in between, also by several
     * threads.
     */
    public static final class Drive {
        private int lineCount;
        private int entries;
        /** The driven line of each entry, in the order of {@link #fromInputs}'s sums. */
        private int[] lines = new int[0];
        /** Each entry's {@code u²} (or, bit-serial, its set bits). */
        private double[] weights = new double[0];
        private long active;
        private double driveSquared;
    }

    /**
     * Computes the line drives of a batch of inputs (see {@link #fromInputs} for the model).
     *
     * @param inputs the inputs, row-major {@code batch × inputLineCount}; read only; finite
     * @param batch number of samples, at least 1
     * @param inputLineCount input lines per sample, at least 1
     * @param inputFullScale input magnitude that drives a line at the full read voltage, positive and finite
     * @param precision the conversion settings (only the cycle count matters here), not null
     * @param into receives the drives
     * @return {@code into}
     * @throws IllegalArgumentException if a size does not match or an input is not finite
     */
    public static Drive drive(float[] inputs, int batch, int inputLineCount, double inputFullScale,
                              MvmPrecision precision, Drive into) {
        Checks.positive("batch", batch);
        Checks.positive("inputLineCount", inputLineCount);
        Checks.positiveFinite("inputFullScale", inputFullScale);
        Checks.notNull("precision", precision);
        Checks.notNull("inputs", inputs);
        Checks.notNull("into", into);
        Checks.isTrue((long) batch * inputLineCount == inputs.length,
                "inputs must have batch × inputLineCount = %d × %d elements, got %d", batch, inputLineCount,
                inputs.length);
        boolean bitSerial = precision.isBitSerial();
        double levels = bitSerial ? (double) ((1L << precision.inputCycleCount()) - 1) : 1;
        double inverseFullScale = 1.0 / inputFullScale;
        if (into.lines.length < inputs.length) {
            into.lines = new int[inputs.length];
            into.weights = new double[inputs.length];
        }
        int[] lines = into.lines;
        double[] weights = into.weights;
        int entries = 0;
        long active = 0;
        double driveSquared = 0;
        for (int b = 0; b < batch; b++) {
            int offset = b * inputLineCount;
            // List the non-zero inputs first, without a branch on each (most inputs of a sparse layer are zero, in
            // no predictable pattern), then go over the listed ones in the same order as over all.
            int first = entries;
            int count = entries;
            for (int i = 0; i < inputLineCount; i++) {
                float x = inputs[offset + i];
                if (!Float.isFinite(x)) {
                    throw new IllegalArgumentException("inputs[" + (offset + i) + "] must be finite, got " + x);
                }
                lines[count] = i;
                int magnitude = Float.floatToRawIntBits(x) & 0x7fffffff;
                count += (magnitude | -magnitude) >>> 31;
            }
            for (int q = first; q < count; q++) {
                int i = lines[q];
                double f = Math.min(Math.abs(inputs[offset + i]) * inverseFullScale, 1.0);
                if (f == 0) {
                    continue;
                }
                double weight;
                if (bitSerial) {
                    int setBits = Long.bitCount(Math.round(f * levels));
                    active += setBits;
                    driveSquared += setBits;
                    weight = setBits;
                } else {
                    weight = f * f;
                    active++;
                    driveSquared += weight;
                }
                lines[entries] = i;
                weights[entries++] = weight;
            }
        }
        into.lineCount = inputLineCount;
        into.entries = entries;
        into.active = active;
        into.driveSquared = driveSquared;
        return into;
    }

    /**
     * The activity of the drives on an array whose input lines have these conductance sums: the same as
     * {@link #fromInputs} on the inputs the drives came from, bit for bit.
     *
     * @param drive the drives; read only
     * @param lineConductanceSumsSiemens for each input line, the sum of the conductances of its cells (S), length
     *     the drives' line count; read only
     * @return the activity
     * @throws IllegalArgumentException if an argument is null or the length does not match
     */
    public static ArrayReadActivity of(Drive drive, double[] lineConductanceSumsSiemens) {
        Checks.notNull("drive", drive);
        Checks.notNull("lineConductanceSumsSiemens", lineConductanceSumsSiemens);
        Checks.isTrue(lineConductanceSumsSiemens.length == drive.lineCount,
                "lineConductanceSumsSiemens must have inputLineCount = %d elements, got %d", drive.lineCount,
                lineConductanceSumsSiemens.length);
        int[] lines = drive.lines;
        double[] weights = drive.weights;
        double driveSquaredConductance = 0;
        for (int k = 0; k < drive.entries; k++) {
            driveSquaredConductance += weights[k] * lineConductanceSumsSiemens[lines[k]];
        }
        return new ArrayReadActivity(drive.active, drive.driveSquared, driveSquaredConductance);
    }

    /**
     * An estimate: a fraction of the input lines is driven at full voltage in every read cycle, and every cell has
     * the same conductance.
     *
     * @param batch number of samples, non-negative
     * @param inputLineCount input lines per sample, positive
     * @param outputLineCount output lines, that is cells per input line, positive
     * @param precision the conversion settings (its cycle count), not null
     * @param activeLineFraction fraction of input lines driven per cycle, in [0, 1]
     * @param meanConductanceSiemens mean cell conductance (S), non-negative and finite
     * @return the estimated activity, with {@code activeLineCycleCount} rounded to a whole number
     */
    public static ArrayReadActivity uniform(long batch, int inputLineCount, int outputLineCount,
                                            MvmPrecision precision, double activeLineFraction,
                                            double meanConductanceSiemens) {
        Checks.nonNegative("batch", batch);
        Checks.positive("inputLineCount", inputLineCount);
        Checks.positive("outputLineCount", outputLineCount);
        Checks.notNull("precision", precision);
        Checks.fraction("activeLineFraction", activeLineFraction);
        Checks.nonNegativeFinite("meanConductanceSiemens", meanConductanceSiemens);
        double lineCycles = (double) batch * precision.inputCycleCount() * inputLineCount;
        long active = Math.round(lineCycles * activeLineFraction);
        return new ArrayReadActivity(active, active, (double) active * outputLineCount * meanConductanceSiemens);
    }

    /**
     * Sums of a row-major {@code rows × columns} matrix along each row: {@code out[i] = Σ_j g[i·columns + j]}. For
     * a conductance matrix these are the line sums of the lines that run along the rows.
     *
     * @param g the matrix (for example conductances in S), row-major; read only
     * @param rows number of rows, positive
     * @param columns number of columns, positive
     * @param out length {@code rows}; overwritten and returned; must not alias {@code g}
     * @return {@code out}
     */
    public static double[] rowSums(float[] g, int rows, int columns, double[] out) {
        checkMatrix(g, rows, columns);
        Checks.isTrue(out != null && out.length == rows, "out must have rows = %d elements", rows);
        for (int i = 0; i < rows; i++) {
            double sum = 0;
            int offset = i * columns;
            for (int j = 0; j < columns; j++) {
                sum += g[offset + j];
            }
            out[i] = sum;
        }
        return out;
    }

    /**
     * Sums of a row-major {@code rows × columns} matrix down each column: {@code out[j] = Σ_i g[i·columns + j]}.
     * For a conductance matrix these are the line sums of the lines that run along the columns.
     *
     * @param g the matrix (for example conductances in S), row-major; read only
     * @param rows number of rows, positive
     * @param columns number of columns, positive
     * @param out length {@code columns}; overwritten and returned
     * @return {@code out}
     */
    public static double[] columnSums(float[] g, int rows, int columns, double[] out) {
        checkMatrix(g, rows, columns);
        Checks.isTrue(out != null && out.length == columns, "out must have columns = %d elements", columns);
        java.util.Arrays.fill(out, 0.0);
        for (int i = 0; i < rows; i++) {
            int offset = i * columns;
            for (int j = 0; j < columns; j++) {
                out[j] += g[offset + j];
            }
        }
        return out;
    }

    /**
     * The sum of two activities, for a product charged in parts.
     *
     * @param other the other activity, not null
     * @return the sum
     */
    public ArrayReadActivity plus(ArrayReadActivity other) {
        return new ArrayReadActivity(Math.addExact(activeLineCycleCount, other.activeLineCycleCount),
                driveSquaredSum + other.driveSquaredSum,
                driveSquaredConductanceSumSiemens + other.driveSquaredConductanceSumSiemens);
    }

    private static void checkMatrix(float[] g, int rows, int columns) {
        Checks.positive("rows", rows);
        Checks.positive("columns", columns);
        Checks.notNull("g", g);
        Checks.isTrue((long) rows * columns == g.length, "g must have rows × columns = %d × %d elements, got %d",
                rows, columns, g.length);
    }
}
