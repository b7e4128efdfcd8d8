package org.xbarlab.algorithms.muscle;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.core.Checks;
import org.xbarlab.core.random.RandomFill;

/**
 * Applies an {@link AugmentationConfig} to a batch of images, with every random number drawn in bulk by
 * {@link RandomFill} from the given stream: first {@code 2·batch} uniform deviates for the shifts (row shift, then
 * column shift, per image; skipped when the largest shift is 0), then {@code batch·rows·columns} normal deviates for
 * the noise (skipped when σ is 0). The same stream state and input give the same output. Work buffers grow to the
 * largest batch seen. Not thread-safe.
 */
public final class Augmentation {

    private final AugmentationConfig config;
    private final int rows;
    private final int columns;
    private float[] shifts = new float[0];
    private float[] noise = new float[0];

    /**
     * @param config the augmentation
     * @param rows image height in pixels, at least 1
     * @param columns image width in pixels, at least 1
     */
    public Augmentation(AugmentationConfig config, int rows, int columns) {
        this.config = Checks.notNull("config", config);
        this.rows = Checks.positive("rows", rows);
        this.columns = Checks.positive("columns", columns);
    }

    /** The settings. */
    public AugmentationConfig config() {
        return config;
    }

    /**
     * Augments a batch: {@code out_b(r, c) = in_b(r − Δr_b, c − Δc_b) + σ·n} (0 outside the image), clamped when
     * configured.
     *
     * @param in images, row-major {@code batch × rows·columns} from index 0; read only
     * @param out augmented images, same layout; overwritten; must not be {@code in}
     * @param batch number of images, at least 0
     * @param random the stream; advanced as the class documentation says
     */
    public void apply(float[] in, float[] out, int batch, UniformRandomProvider random) {
        Checks.notNull("random", random);
        Checks.isTrue(in != out, "augmentation cannot work in place");
        int features = rows * columns;
        int count = batch * features;
        int k = config.maxShiftPixels();
        if (k > 0) {
            if (shifts.length < 2 * batch) {
                shifts = new float[2 * batch];
            }
            RandomFill.uniform(random, shifts, 0, 2 * batch, 0f, 2 * k + 1);
        }
        double sigma = config.noiseSigma();
        if (sigma > 0) {
            if (noise.length < count) {
                noise = new float[count];
            }
            RandomFill.normal(random, noise, 0, count, 0f, (float) sigma);
        }
        for (int b = 0; b < batch; b++) {
            int base = b * features;
            int shiftRows = k > 0 ? Math.min((int) shifts[2 * b], 2 * k) - k : 0;
            int shiftColumns = k > 0 ? Math.min((int) shifts[2 * b + 1], 2 * k) - k : 0;
            Arrays.fill(out, base, base + features, 0f);
            int firstRow = Math.max(0, shiftRows);
            int lastRow = Math.min(rows, rows + shiftRows);
            int firstColumn = Math.max(0, shiftColumns);
            int width = Math.min(columns, columns + shiftColumns) - firstColumn;
            if (width > 0) {
                for (int r = firstRow; r < lastRow; r++) {
                    System.arraycopy(in, base + (r - shiftRows) * columns + firstColumn - shiftColumns, out,
                            base + r * columns + firstColumn, width);
                }
            }
        }
        if (sigma > 0) {
            for (int e = 0; e < count; e++) {
                out[e] += noise[e];
            }
        }
        if (config.clampToUnitRange()) {
            for (int e = 0; e < count; e++) {
                out[e] = Math.max(0f, Math.min(1f, out[e]));
            }
        }
    }
}
