package org.xbarlab.algorithms.conv;

import org.xbarlab.core.Checks;

/**
 * Unfolds the patches of a 2-D convolution into the rows of a matrix ("im2col", Chellapilla, Puri and Simard,
 * "High Performance Convolutional Neural Networks for Document Processing", 2006) and folds patch gradients back
 * onto the input ("col2im"), so that a convolution becomes one matrix product: {@code Y = P·Wᵀ} with {@code P} the
 * {@code (batch·positions) × (channels·kernel·kernel)} patch matrix and {@code W} the
 * {@code filters × (channels·kernel·kernel)} weight matrix, which is how a convolution is mapped onto a crossbar
 * tile (one analog matrix-vector product per output position; see {@code docs/cnn.md}).
 *
 * <p><b>Layout.</b> Inputs are planar, {@code batch × channels × height × width}, row-major. A patch row holds
 * {@code (c, ky, kx)} in that order ({@code c·kernel² + ky·kernel + kx}), PyTorch's {@code Conv2d} weight layout
 * flattened. Patch rows are ordered by sample, then output row, then output column. Positions outside the input
 * (zero padding) read 0 and receive no gradient. The output size is
 * {@code ⌊(height + 2·padding − kernel)/stride⌋ + 1} (and the same for the width).
 *
 * <p>Square kernels, equal stride and padding in both directions. Immutable and thread-safe; the caller owns the
 * buffers, nothing is allocated per call.
 */
public final class Im2Col {

    private final int channels;
    private final int height;
    private final int width;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final int outputHeight;
    private final int outputWidth;

    /**
     * @param channels input channels, at least 1
     * @param height input height in pixels, at least 1
     * @param width input width in pixels, at least 1
     * @param kernel kernel side, at least 1, at most the padded height and width
     * @param stride step between positions, at least 1
     * @param padding zero padding on every side, in [0, kernel)
     */
    public Im2Col(int channels, int height, int width, int kernel, int stride, int padding) {
        this.channels = Checks.positive("channels", channels);
        this.height = Checks.positive("height", height);
        this.width = Checks.positive("width", width);
        this.kernel = Checks.positive("kernel", kernel);
        this.stride = Checks.positive("stride", stride);
        this.padding = Checks.inRange("padding", padding, 0, kernel - 1);
        Checks.isTrue(kernel <= height + 2 * padding && kernel <= width + 2 * padding,
                "kernel (%d) must fit in the padded input (%d × %d)", kernel, height + 2L * padding,
                width + 2L * padding);
        this.outputHeight = outputSize(height, kernel, stride, padding);
        this.outputWidth = outputSize(width, kernel, stride, padding);
        Checks.isTrue((long) channels * kernel * kernel <= Integer.MAX_VALUE
                        && (long) channels * height * width <= Integer.MAX_VALUE,
                "channels × height × width (%d × %d × %d) is too large", channels, height, width);
    }

    /**
     * The output side of a sliding window: {@code ⌊(size + 2·padding − kernel)/stride⌋ + 1}.
     *
     * @param size input side, at least 1
     * @param kernel window side, at least 1, at most {@code size + 2·padding}
     * @param stride step, at least 1
     * @param padding padding on each side, at least 0
     * @return the number of window positions along that side
     */
    public static int outputSize(int size, int kernel, int stride, int padding) {
        Checks.isTrue(kernel <= size + 2L * padding, "kernel (%d) must fit in the padded size (%d)", kernel,
                size + 2L * padding);
        return (size + 2 * padding - kernel) / stride + 1;
    }

    /** Input channels. */
    public int channels() {
        return channels;
    }

    /** Input height. */
    public int height() {
        return height;
    }

    /** Input width. */
    public int width() {
        return width;
    }

    /** Kernel side. */
    public int kernel() {
        return kernel;
    }

    /** Stride. */
    public int stride() {
        return stride;
    }

    /** Zero padding on each side. */
    public int padding() {
        return padding;
    }

    /** Output height. */
    public int outputHeight() {
        return outputHeight;
    }

    /** Output width. */
    public int outputWidth() {
        return outputWidth;
    }

    /** Output positions per sample, {@code outputHeight · outputWidth}. */
    public int positions() {
        return outputHeight * outputWidth;
    }

    /** Values per patch, {@code channels · kernel²}: the columns of the crossbar. */
    public int patchSize() {
        return channels * kernel * kernel;
    }

    /** Values per input sample, {@code channels · height · width}. */
    public int inputSize() {
        return channels * height * width;
    }

    /**
     * Unfolds every patch of a batch.
     *
     * @param input planar inputs, {@code batch × channels × height × width}; read only
     * @param batch number of samples, at least 1
     * @param patches receives {@code (batch·positions) × patchSize} values, row-major; overwritten; must not alias
     *     {@code input}
     */
    public void unfold(float[] input, int batch, float[] patches) {
        checkBuffers(input, batch, patches);
        int patchSize = patchSize();
        int plane = height * width;
        int sampleSize = inputSize();
        int row = 0;
        for (int b = 0; b < batch; b++) {
            int sampleBase = b * sampleSize;
            for (int oy = 0; oy < outputHeight; oy++) {
                int top = oy * stride - padding;
                for (int ox = 0; ox < outputWidth; ox++) {
                    int left = ox * stride - padding;
                    int out = row * patchSize;
                    for (int c = 0; c < channels; c++) {
                        int channelBase = sampleBase + c * plane;
                        for (int ky = 0; ky < kernel; ky++) {
                            int y = top + ky;
                            if (y < 0 || y >= height) {
                                java.util.Arrays.fill(patches, out, out + kernel, 0f);
                                out += kernel;
                                continue;
                            }
                            int lineBase = channelBase + y * width;
                            if (left >= 0 && left + kernel <= width) {
                                System.arraycopy(input, lineBase + left, patches, out, kernel);
                                out += kernel;
                            } else {
                                for (int kx = 0; kx < kernel; kx++) {
                                    int x = left + kx;
                                    patches[out++] = x >= 0 && x < width ? input[lineBase + x] : 0f;
                                }
                            }
                        }
                    }
                    row++;
                }
            }
        }
    }

    /**
     * Folds patch values back onto the input (the adjoint of {@link #unfold}): every input pixel receives the sum of
     * the patch entries that read it; padding entries are dropped. This turns the gradient with respect to the
     * patches into the gradient with respect to the input.
     *
     * @param patches {@code (batch·positions) × patchSize} values, row-major; read only
     * @param batch number of samples, at least 1
     * @param input receives the planar sums, {@code batch × channels × height × width}; overwritten; must not alias
     *     {@code patches}
     */
    public void fold(float[] patches, int batch, float[] input) {
        checkBuffers(input, batch, patches);
        int sampleSize = inputSize();
        java.util.Arrays.fill(input, 0, batch * sampleSize, 0f);
        int patchSize = patchSize();
        int plane = height * width;
        int row = 0;
        for (int b = 0; b < batch; b++) {
            int sampleBase = b * sampleSize;
            for (int oy = 0; oy < outputHeight; oy++) {
                int top = oy * stride - padding;
                for (int ox = 0; ox < outputWidth; ox++) {
                    int left = ox * stride - padding;
                    int in = row * patchSize;
                    for (int c = 0; c < channels; c++) {
                        int channelBase = sampleBase + c * plane;
                        for (int ky = 0; ky < kernel; ky++) {
                            int y = top + ky;
                            if (y < 0 || y >= height) {
                                in += kernel;
                                continue;
                            }
                            int lineBase = channelBase + y * width;
                            for (int kx = 0; kx < kernel; kx++) {
                                int x = left + kx;
                                if (x >= 0 && x < width) {
                                    input[lineBase + x] += patches[in];
                                }
                                in++;
                            }
                        }
                    }
                    row++;
                }
            }
        }
    }

    private void checkBuffers(float[] input, int batch, float[] patches) {
        Checks.positive("batch", batch);
        long inputValues = (long) batch * inputSize();
        long patchValues = (long) batch * positions() * patchSize();
        Checks.isTrue(patchValues <= Integer.MAX_VALUE, "batch × positions × patchSize (%d) exceeds an array",
                patchValues);
        Checks.isTrue(input.length >= inputValues, "input must hold batch × channels × height × width = %d values, "
                + "got %d", inputValues, input.length);
        Checks.isTrue(patches.length >= patchValues, "patches must hold batch × positions × patchSize = %d values, "
                + "got %d", patchValues, patches.length);
    }

    @Override
    public String toString() {
        return "Im2Col[" + channels + "×" + height + "×" + width + ", kernel " + kernel + ", stride " + stride
                + ", padding " + padding + " → " + outputHeight + "×" + outputWidth + "]";
    }
}
