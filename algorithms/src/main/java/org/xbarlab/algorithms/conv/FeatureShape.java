package org.xbarlab.algorithms.conv;

import org.xbarlab.core.Checks;

/**
 * The shape of one sample's feature maps, {@code channels × height × width} (planar).
 *
 * @param channels channels, at least 1
 * @param height height, at least 1
 * @param width width, at least 1
 */
public record FeatureShape(int channels, int height, int width) {

    /** Validates every field. */
    public FeatureShape {
        Checks.positive("channels", channels);
        Checks.positive("height", height);
        Checks.positive("width", width);
        Checks.isTrue((long) channels * height * width <= Integer.MAX_VALUE,
                "channels × height × width (%d × %d × %d) is too large", channels, height, width);
    }

    /** Values per sample, {@code channels·height·width}. */
    public int size() {
        return channels * height * width;
    }

    @Override
    public String toString() {
        return channels + "×" + height + "×" + width;
    }
}
