package org.xbarlab.algorithms.muscle;

import org.xbarlab.core.Checks;

/**
 * The augmentation that makes MUSCLE's two views of one image: a random integer shift along each axis and additive
 * Gaussian pixel noise (the small shifts and noise of issue #6 for 28 × 28 images).
 *
 * @param maxShiftPixels shifts are uniform in {@code [−k, k]} pixels along each axis (the vacated pixels are 0),
 *     in [0, 64]
 * @param noiseSigma standard deviation of the additive noise, in the images' intensity units (pixels in [0, 1]),
 *     non-negative
 * @param clampToUnitRange clamp the result to [0, 1], as pixel intensities
 */
public record AugmentationConfig(int maxShiftPixels, double noiseSigma, boolean clampToUnitRange) {

    /** Validates every field. */
    public AugmentationConfig {
        Checks.inRange("maxShiftPixels", maxShiftPixels, 0, 64);
        Checks.nonNegativeFinite("noiseSigma", noiseSigma);
    }

    /** Shifts of up to 2 pixels and noise of σ 0.1, clamped to [0, 1]. */
    public static AugmentationConfig defaults() {
        return new AugmentationConfig(2, 0.1, true);
    }
}
