package org.xbarlab.crossbar.periphery;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.core.Checks;
import org.xbarlab.core.random.RandomFill;

/**
 * Runs one direction of a tile's analog product through its periphery, for a batch of input vectors:
 *
 * <ol>
 *   <li>noise management: each input vector {@code x_b} is divided by {@code α_b = max_j |x_bj|}
 *       ({@link NoiseManagement#ABS_MAX}; an all-zero vector gives an all-zero output without a read) and by the
 *       bound-management factor {@code β_b}, initially 1;</li>
 *   <li>DAC: rounding to the converter's grid, clipping to {@code ±inputBound}, plus input noise;</li>
 *   <li>the analog product, supplied by the caller ({@link AnalogProduct});</li>
 *   <li>output noise, ADC rounding and clipping to the column's range;</li>
 *   <li>iterative bound management: the samples with a clipped output are repeated with {@code β_b} doubled while
 *       {@code β_b} stays within {@link PeripheryConfig#maxBoundManagementFactor()};</li>
 *   <li>the digital rescale {@code y_b ← y_b · α_b · β_b}.</li>
 * </ol>
 *
 * This is aihwkit's pipeline (aihwkit.md §2.1), in the same order, restricted to the options listed in
 * {@link PeripheryConfig}. Random numbers come in bulk from the stream passed in.
 *
 * <p>Steps 1 and 2 before the input noise depend only on the inputs and the converter's settings, so arrays that
 * see the same inputs through equal converters (the tiles of one tile column) can share them: {@link #prepare}
 * computes them once into an {@link Inputs}, and {@link #apply(Inputs, float[], AnalogProduct,
 * UniformRandomProvider)} runs the rest with the same results and random numbers as {@link #apply(float[], int,
 * float[], AnalogProduct, UniformRandomProvider)}.
 *
 * <p>Not thread-safe: an instance keeps work buffers and the per-column calibrated ranges. One instance serves one
 * direction of one tile.
 */
public final class AnalogPeriphery {

    /**
     * A batch of inputs after noise management and the DAC, before input noise (steps 1 and 2 of the class
     * comment): what arrays with the same inputs and equal {@link PeripheryConfig#noiseManagement()} and
     * {@link PeripheryConfig#dac()} share. Filled by {@link #prepare}; read only afterwards, also by several threads.
     */
    public static final class Inputs {
        private float[] x;
        private int batch;
        private int width;
        private float[] scale = new float[0];
        private float[] converted = new float[0];

        /** The number of input vectors last prepared. */
        public int batch() {
            return batch;
        }
    }

    /** The analog part of the product, for a batch of converted inputs. */
    @FunctionalInterface
    public interface AnalogProduct {
        /**
         * Computes {@code y[b·outputs + i] = Σ_j W_ij · x[b·inputs + j]} for {@code b < batch}, overwriting
         * {@code y}'s first {@code batch·outputs} elements.
         *
         * @param x converted inputs, row-major {@code batch × inputs}; read only
         * @param batch number of input vectors
         * @param y outputs, row-major {@code batch × outputs}; written
         */
        void multiply(float[] x, int batch, float[] y);
    }

    private final PeripheryConfig config;
    private final int inputs;
    private final int outputs;
    private final float[] columnRange;
    /** The ADC grid step of each column, {@code (float) adc.step(columnRange[i])}. */
    private final float[] columnStep;

    private float[] scale = new float[0];
    private float[] converted = new float[0];
    private float[] noise = new float[0];
    private int[] pending = new int[0];
    private float[] pendingInputs = new float[0];
    private float[] pendingOutputs = new float[0];
    private float[] pendingScale = new float[0];
    private boolean[] clipped = new boolean[0];
    /** The inputs of {@link #apply(float[], int, float[], AnalogProduct, UniformRandomProvider)}. */
    private final Inputs own = new Inputs();

    /**
     * @param config the periphery settings
     * @param inputs length of each input vector, at least 1
     * @param outputs length of each output vector, at least 1
     */
    public AnalogPeriphery(PeripheryConfig config, int inputs, int outputs) {
        this.config = Checks.notNull("config", config);
        this.inputs = Checks.positive("inputs", inputs);
        this.outputs = Checks.positive("outputs", outputs);
        this.columnRange = new float[outputs];
        this.columnStep = new float[outputs];
        Arrays.fill(columnRange, (float) config.adc().outputBound());
        updateSteps();
    }

    /** Recomputes {@link #columnStep} from {@link #columnRange}. */
    private void updateSteps() {
        for (int i = 0; i < outputs; i++) {
            columnStep[i] = (float) config.adc().step(columnRange[i]);
        }
    }

    /** The settings. */
    public PeripheryConfig config() {
        return config;
    }

    /**
     * Sets each column's ADC range from a calibration batch: the largest output magnitude the column produced
     * (times {@link AdcConfig#calibrationHeadroom()}), never above {@link AdcConfig#outputBound()} and never 0.
     * Does nothing unless the range mode is {@link AdcRange#CALIBRATED_PER_COLUMN}.
     *
     * @param idealOutputs outputs of the calibration batch before the ADC, row-major {@code batch × outputs}
     * @param batch number of vectors, at least 1
     */
    public void calibrate(float[] idealOutputs, int batch) {
        if (config.adc().range() != AdcRange.CALIBRATED_PER_COLUMN) {
            return;
        }
        Checks.positive("batch", batch);
        float bound = (float) config.adc().outputBound();
        for (int i = 0; i < outputs; i++) {
            float largest = 0f;
            for (int b = 0; b < batch; b++) {
                largest = Math.max(largest, Math.abs(idealOutputs[b * outputs + i]));
            }
            float range = (float) (largest * config.adc().calibrationHeadroom());
            columnRange[i] = range > 0f ? Math.min(range, bound) : bound;
        }
        updateSteps();
    }

    /** A copy of the current per-column ADC ranges. */
    public float[] columnRanges() {
        return columnRange.clone();
    }

    /**
     * Computes {@code y = periphery(W · x)} for a batch.
     *
     * @param x inputs, row-major {@code batch × inputs}; read only
     * @param batch number of input vectors, at least 1
     * @param y outputs, row-major {@code batch × outputs}; overwritten; must not overlap {@code x}
     * @param analog the analog product
     * @param random stream for input and output noise
     * @return the statistics of the call: analog passes (including bound-management repeats) and clipped outputs
     */
    public Passes apply(float[] x, int batch, float[] y, AnalogProduct analog, UniformRandomProvider random) {
        prepare(x, batch, own);
        return apply(own, y, analog, random);
    }

    /**
     * Steps 1 and 2 of the class comment without the input noise: the noise-management scale of every input vector
     * and its conversion by the DAC.
     *
     * @param x inputs, row-major {@code batch × inputs}; read only, and kept (by reference) for bound management
     *     until {@code into} is prepared again
     * @param batch number of input vectors, at least 1
     * @param into receives the prepared inputs
     */
    public void prepare(float[] x, int batch, Inputs into) {
        Checks.positive("batch", batch);
        Checks.notNull("into", into);
        if (into.scale.length < batch || into.converted.length < batch * inputs) {
            into.scale = new float[batch];
            into.converted = new float[batch * inputs];
        }
        into.x = x;
        into.batch = batch;
        into.width = inputs;
        float[] scales = into.scale;
        for (int b = 0; b < batch; b++) {
            float alpha = 1f;
            if (config.noiseManagement() == NoiseManagement.ABS_MAX) {
                alpha = 0f;
                int base = b * inputs;
                for (int j = 0; j < inputs; j++) {
                    alpha = Math.max(alpha, Math.abs(x[base + j]));
                }
            }
            scales[b] = alpha;
        }
        convertWithoutNoise(x, batch, scales, into.converted);
    }

    /**
     * {@link #apply(float[], int, float[], AnalogProduct, UniformRandomProvider)} on inputs that {@link #prepare}
     * computed, by this periphery or by one with equal noise management and DAC settings and the same input width:
     * the same outputs, statistics and random numbers.
     *
     * @param in the prepared inputs; read only
     * @param y outputs, row-major {@code batch × outputs}; overwritten; must not overlap the inputs
     * @param analog the analog product
     * @param random stream for input and output noise
     * @return the statistics of the call
     */
    public Passes apply(Inputs in, float[] y, AnalogProduct analog, UniformRandomProvider random) {
        Checks.isTrue(in.width == inputs, "prepared inputs have %d elements per vector, this periphery takes %d",
                in.width, inputs);
        int batch = in.batch;
        float[] x = in.x;
        ensureCapacity(batch);
        System.arraycopy(in.scale, 0, scale, 0, batch);
        // 2 (input noise), 3, 4: multiply and convert back, for the whole batch.
        float[] operand = in.converted;
        if (config.inputNoiseSigma() > 0) {
            System.arraycopy(in.converted, 0, converted, 0, batch * inputs);
            addInputNoise(converted, batch * inputs, random);
            operand = converted;
        }
        analog.multiply(operand, batch, y);
        long clippedOutputs = convertOutputs(y, batch, random);
        long passes = batch;
        // 5. Bound management: repeat the clipped samples with their input halved, each as one more analog pass.
        if (config.boundManagement() == BoundManagement.ITERATIVE) {
            int count = 0;
            for (int b = 0; b < batch; b++) {
                if (clipped[b] && scale[b] != 0f) {
                    pending[count++] = b;
                }
            }
            double factor = 1.0;
            while (count > 0 && factor * 2 <= config.maxBoundManagementFactor()) {
                factor *= 2;
                for (int p = 0; p < count; p++) {
                    int b = pending[p];
                    scale[b] *= 2f;
                    pendingScale[p] = scale[b];
                    System.arraycopy(x, b * inputs, pendingInputs, p * inputs, inputs);
                }
                convertInputs(pendingInputs, count, pendingScale, converted, random);
                analog.multiply(converted, count, pendingOutputs);
                convertOutputs(pendingOutputs, count, random);
                passes += count;
                int stillClipped = 0;
                for (int p = 0; p < count; p++) {
                    int b = pending[p];
                    System.arraycopy(pendingOutputs, p * outputs, y, b * outputs, outputs);
                    if (clipped[p]) {
                        pending[stillClipped++] = b;
                    }
                }
                count = stillClipped;
            }
        }
        // 6. Digital rescale.
        for (int b = 0; b < batch; b++) {
            float s = scale[b];
            int base = b * outputs;
            for (int i = 0; i < outputs; i++) {
                y[base + i] *= s;
            }
        }
        return new Passes(passes, clippedOutputs);
    }

    /**
     * Statistics of one {@link #apply} call.
     *
     * @param analogPasses analog products of one input vector each, bound-management repeats included
     * @param clippedOutputs outputs that clipped on the first pass
     */
    public record Passes(long analogPasses, long clippedOutputs) {
    }

    /** DAC: divide by the scale, round to the grid, clip, add input noise. A zero scale gives zero inputs. */
    private void convertInputs(float[] x, int batch, float[] scales, float[] out, UniformRandomProvider random) {
        convertWithoutNoise(x, batch, scales, out);
        addInputNoise(out, batch * inputs, random);
    }

    /** DAC: divide by the scale, round to the grid, clip. A zero scale gives zero inputs. */
    private void convertWithoutNoise(float[] x, int batch, float[] scales, float[] out) {
        DacConfig dac = config.dac();
        float bound = (float) dac.inputBound();
        float step = (float) dac.step();
        float inverseStep = step > 0f ? 1f / step : 0f;
        for (int b = 0; b < batch; b++) {
            float s = scales[b];
            int base = b * inputs;
            if (s == 0f) {
                Arrays.fill(out, base, base + inputs, 0f);
                continue;
            }
            float inverse = 1f / s;
            for (int j = 0; j < inputs; j++) {
                float v = x[base + j] * inverse;
                if (step > 0f) {
                    v = roundHalfUp(v * inverseStep) * step;
                }
                // Clipped as Math.max(-bound, Math.min(bound, v)) would (NaN and −0 included), twice as fast here.
                out[base + j] = v < -bound ? -bound : (v > bound ? bound : v);
            }
        }
    }

    /** Adds the DAC's input noise, when it has any, to {@code out[0, n)}. */
    private void addInputNoise(float[] out, int n, UniformRandomProvider random) {
        if (config.inputNoiseSigma() > 0) {
            RandomFill.normal(random, noise, 0, n, 0f, (float) config.inputNoiseSigma());
            for (int k = 0; k < n; k++) {
                out[k] += noise[k];
            }
        }
    }

    private long convertOutputs(float[] y, int batch, UniformRandomProvider random) {
        int n = batch * outputs;
        if (config.outputNoiseSigma() > 0) {
            RandomFill.normal(random, noise, 0, n, 0f, (float) config.outputNoiseSigma());
            for (int k = 0; k < n; k++) {
                y[k] += noise[k];
            }
        }
        boolean quantized = config.adc().resolutionBits() > 0;
        long clippedCount = 0;
        for (int b = 0; b < batch; b++) {
            boolean any = false;
            int base = b * outputs;
            if (quantized) {
                for (int i = 0; i < outputs; i++) {
                    float step = columnStep[i];
                    y[base + i] = roundHalfUp(y[base + i] / step) * step;
                }
            }
            for (int i = 0; i < outputs; i++) {
                float range = columnRange[i];
                float v = y[base + i];
                if (v > range || v < -range) {
                    any = true;
                    clippedCount++;
                    v = v > range ? range : -range;
                }
                y[base + i] = v;
            }
            clipped[b] = any;
        }
        return clippedCount;
    }

    /**
     * {@code Math.round(v)} as a float for every {@code v} whose rounded value this class uses (it clips the result
     * to a range far inside {@code ±2^31} steps, so the two differ only where both clip): the nearest integer, ties
     * toward +∞, exact because {@code v + 0.5} is exact in double. In the ADC's loop about 1 instead of 2 ns per
     * element (a scratch benchmark on this machine, JDK 17): unlike {@code Math.round}, the JIT vectorises it.
     */
    static float roundHalfUp(float v) {
        return (float) Math.floor((double) v + 0.5);
    }

    private void ensureCapacity(int batch) {
        if (scale.length < batch) {
            scale = new float[batch];
            pending = new int[batch];
            clipped = new boolean[batch];
            converted = new float[batch * inputs];
            pendingInputs = new float[batch * inputs];
            pendingOutputs = new float[batch * outputs];
            pendingScale = new float[batch];
            noise = new float[batch * Math.max(inputs, outputs)];
        }
    }
}
