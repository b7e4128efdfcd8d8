package org.xbarlab.algorithms.conv;

import org.xbarlab.core.Checks;

/**
 * The pooling after a convolution.
 *
 * @param kind {@code none}, {@code max} or {@code average}
 * @param kernel window side, at least 1 (ignored, and normalised to 1, for {@code none})
 * @param stride step, at least 1 (normalised to 1 for {@code none})
 * @param padding padding on each side, in [0, kernel/2] (normalised to 0 for {@code none})
 */
public record PoolingConfig(PoolingKind kind, int kernel, int stride, int padding) {

    /** Validates every field. */
    public PoolingConfig {
        Checks.notNull("kind", kind);
        if (kind == PoolingKind.NONE) {
            kernel = 1;
            stride = 1;
            padding = 0;
        }
        Checks.inRange("kernel", kernel, 1, 1024);
        Checks.inRange("stride", stride, 1, 1024);
        Checks.inRange("padding", padding, 0, kernel / 2);
    }

    /** No pooling. */
    public static PoolingConfig none() {
        return new PoolingConfig(PoolingKind.NONE, 1, 1, 0);
    }

    /**
     * The seed paper's pooling: kernel 4, stride 2, padding 1 (seed-algorithm.md §2.6).
     *
     * @param kind max or average
     * @return the config
     */
    public static PoolingConfig seedPaper(PoolingKind kind) {
        return new PoolingConfig(kind, 4, 2, 1);
    }
}
