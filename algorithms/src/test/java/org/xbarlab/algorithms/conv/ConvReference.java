package org.xbarlab.algorithms.conv;

import java.util.SplittableRandom;

/** Slow, obvious reference implementations for the conv tests. */
final class ConvReference {

    private ConvReference() {
    }

    /**
     * Direct nested-loop convolution (cross-correlation, PyTorch's Conv2d) in double, no activation.
     *
     * @return planar {@code batch × filters × outH × outW}
     */
    static double[] convolve(float[] x, int batch, int channels, int height, int width, float[] weights,
                             float[] bias, int filters, int kernel, int stride, int padding) {
        int outH = (height + 2 * padding - kernel) / stride + 1;
        int outW = (width + 2 * padding - kernel) / stride + 1;
        double[] y = new double[batch * filters * outH * outW];
        for (int b = 0; b < batch; b++) {
            for (int f = 0; f < filters; f++) {
                for (int oy = 0; oy < outH; oy++) {
                    for (int ox = 0; ox < outW; ox++) {
                        double sum = bias == null ? 0 : bias[f];
                        for (int c = 0; c < channels; c++) {
                            for (int ky = 0; ky < kernel; ky++) {
                                for (int kx = 0; kx < kernel; kx++) {
                                    int iy = oy * stride - padding + ky;
                                    int ix = ox * stride - padding + kx;
                                    if (iy < 0 || iy >= height || ix < 0 || ix >= width) {
                                        continue;
                                    }
                                    double w = weights[((f * channels + c) * kernel + ky) * kernel + kx];
                                    sum += w * x[((b * channels + c) * height + iy) * width + ix];
                                }
                            }
                        }
                        y[((b * filters + f) * outH + oy) * outW + ox] = sum;
                    }
                }
            }
        }
        return y;
    }

    static float[] random(SplittableRandom random, int size, double low, double high) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) (low + (high - low) * random.nextDouble());
        }
        return values;
    }

    static double dot(float[] a, float[] b, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
