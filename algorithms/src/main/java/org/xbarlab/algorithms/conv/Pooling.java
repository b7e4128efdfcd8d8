package org.xbarlab.algorithms.conv;

import java.util.Arrays;

import org.xbarlab.core.Checks;

/**
 * 2-D max or average pooling over planar tensors ({@code batch × channels × height × width}), digital (pooling is
 * done by the periphery, not by the crossbar, as in NeuroSim's conv pipeline; it is not charged to the ledger).
 * Output side {@code ⌊(size + 2·padding − kernel)/stride⌋ + 1}. The seed paper's CNN pools with kernel 4, stride 2,
 * padding 1 after each convolution (seed-algorithm.md §2.6), which halves 28 → 14 → 7 and 32 → 16 → 8.
 *
 * <p>Semantics follow PyTorch: max pooling ignores padding (it is −∞), keeps the <b>first</b> maximum in window
 * order (row by row) and routes the whole gradient of an output to that input; average pooling counts padding as
 * zeros and divides by {@code kernel²} ({@code count_include_pad=True}), and spreads the gradient evenly over the
 * window's inputs inside the image. Windows that overlap (stride below the kernel) add their gradients.
 *
 * <p>Work buffers grow to the largest batch seen. Not thread-safe.
 */
public final class Pooling {

    private final PoolingKind kind;
    private final int channels;
    private final int height;
    private final int width;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final int outputHeight;
    private final int outputWidth;
    private float[] output = new float[0];
    private int[] argmax = new int[0];
    private int batch;

    /**
     * @param kind max or average ({@link PoolingKind#NONE} passes values through)
     * @param channels channels, at least 1
     * @param height input height, at least 1
     * @param width input width, at least 1
     * @param kernel window side, at least 1
     * @param stride step, at least 1
     * @param padding padding on each side, in [0, kernel/2] (PyTorch's limit)
     */
    public Pooling(PoolingKind kind, int channels, int height, int width, int kernel, int stride, int padding) {
        this.kind = Checks.notNull("kind", kind);
        this.channels = Checks.positive("channels", channels);
        this.height = Checks.positive("height", height);
        this.width = Checks.positive("width", width);
        if (kind == PoolingKind.NONE) {
            this.kernel = 1;
            this.stride = 1;
            this.padding = 0;
        } else {
            this.kernel = Checks.positive("poolKernel", kernel);
            this.stride = Checks.positive("poolStride", stride);
            this.padding = Checks.inRange("poolPadding", padding, 0, kernel / 2);
        }
        this.outputHeight = Im2Col.outputSize(height, this.kernel, this.stride, this.padding);
        this.outputWidth = Im2Col.outputSize(width, this.kernel, this.stride, this.padding);
    }

    /** The kind. */
    public PoolingKind kind() {
        return kind;
    }

    /** Channels. */
    public int channels() {
        return channels;
    }

    /** Output height. */
    public int outputHeight() {
        return outputHeight;
    }

    /** Output width. */
    public int outputWidth() {
        return outputWidth;
    }

    /** Inputs per sample. */
    public int inputs() {
        return channels * height * width;
    }

    /** Outputs per sample. */
    public int outputs() {
        return channels * outputHeight * outputWidth;
    }

    /**
     * Pools a batch.
     *
     * @param x planar inputs, {@code batch × channels × height × width}; read only
     * @param batch number of samples, at least 1
     * @return the pooled values, {@code batch × channels × outputHeight × outputWidth}; a buffer owned by this
     *     object, valid until the next call
     */
    public float[] forward(float[] x, int batch) {
        Checks.positive("batch", batch);
        int outCount = Math.multiplyExact(batch, outputs());
        Checks.isTrue(x.length >= (long) batch * inputs(), "x must hold batch × inputs = %d values, got %d",
                (long) batch * inputs(), x.length);
        if (output.length < outCount) {
            output = new float[outCount];
            argmax = new int[outCount];
        }
        this.batch = batch;
        if (kind == PoolingKind.NONE) {
            System.arraycopy(x, 0, output, 0, outCount);
            return output;
        }
        int plane = height * width;
        float scale = 1f / (kernel * kernel);
        int o = 0;
        for (int bc = 0; bc < batch * channels; bc++) {
            int base = bc * plane;
            for (int oy = 0; oy < outputHeight; oy++) {
                int y0 = oy * stride - padding;
                int yStart = Math.max(y0, 0);
                int yEnd = Math.min(y0 + kernel, height);
                for (int ox = 0; ox < outputWidth; ox++) {
                    int x0 = ox * stride - padding;
                    int xStart = Math.max(x0, 0);
                    int xEnd = Math.min(x0 + kernel, width);
                    if (kind == PoolingKind.MAX) {
                        float best = Float.NEGATIVE_INFINITY;
                        int bestIndex = -1;
                        for (int y = yStart; y < yEnd; y++) {
                            int line = base + y * width;
                            for (int xx = xStart; xx < xEnd; xx++) {
                                float value = x[line + xx];
                                // NaN propagates, as in PyTorch.
                                if (value > best || bestIndex < 0 || Float.isNaN(value)) {
                                    best = value;
                                    bestIndex = line + xx;
                                    if (Float.isNaN(value)) {
                                        y = yEnd;
                                        break;
                                    }
                                }
                            }
                        }
                        output[o] = best;
                        argmax[o] = bestIndex;
                    } else {
                        float sum = 0f;
                        for (int y = yStart; y < yEnd; y++) {
                            int line = base + y * width;
                            for (int xx = xStart; xx < xEnd; xx++) {
                                sum += x[line + xx];
                            }
                        }
                        output[o] = sum * scale;
                    }
                    o++;
                }
            }
        }
        return output;
    }

    /** The output of the last forward pass. */
    public float[] output() {
        return output;
    }

    /**
     * Routes the gradient of the last {@link #forward} back to its inputs.
     *
     * @param outputGradient planar, {@code batch × channels × outputHeight × outputWidth}; read only
     * @param inputGradient receives planar {@code batch × channels × height × width}; overwritten; must not alias
     *     {@code outputGradient}
     */
    public void backward(float[] outputGradient, float[] inputGradient) {
        int inCount = batch * inputs();
        if (kind == PoolingKind.NONE) {
            System.arraycopy(outputGradient, 0, inputGradient, 0, inCount);
            return;
        }
        Arrays.fill(inputGradient, 0, inCount, 0f);
        int outCount = batch * outputs();
        if (kind == PoolingKind.MAX) {
            for (int o = 0; o < outCount; o++) {
                inputGradient[argmax[o]] += outputGradient[o];
            }
            return;
        }
        int plane = height * width;
        float scale = 1f / (kernel * kernel);
        int o = 0;
        for (int bc = 0; bc < batch * channels; bc++) {
            int base = bc * plane;
            for (int oy = 0; oy < outputHeight; oy++) {
                int y0 = oy * stride - padding;
                int yStart = Math.max(y0, 0);
                int yEnd = Math.min(y0 + kernel, height);
                for (int ox = 0; ox < outputWidth; ox++) {
                    int x0 = ox * stride - padding;
                    int xStart = Math.max(x0, 0);
                    int xEnd = Math.min(x0 + kernel, width);
                    float share = outputGradient[o++] * scale;
                    for (int y = yStart; y < yEnd; y++) {
                        int line = base + y * width;
                        for (int xx = xStart; xx < xEnd; xx++) {
                            inputGradient[line + xx] += share;
                        }
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Pooling[" + kind + ", " + channels + "×" + height + "×" + width + ", kernel " + kernel + ", stride "
                + stride + ", padding " + padding + " → " + outputHeight + "×" + outputWidth + "]";
    }
}
