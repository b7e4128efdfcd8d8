package org.xbarlab.algorithms.conv;

import org.xbarlab.algorithms.network.Activation;
import org.xbarlab.core.Checks;

/**
 * One convolution of a {@link ConvNetConfig}: its filters, kernel, stride and zero padding, activation, the pooling
 * after it and the fraction of its weights pruned at construction.
 *
 * @param filters output channels, 1 to 65 536
 * @param kernel kernel side, 1 to 1024
 * @param stride step, 1 to 1024
 * @param padding zero padding on each side, in [0, kernel)
 * @param activation the activation after the bias ({@code relu} in the seed paper)
 * @param pooling the pooling after the activation, not null ({@code none} for none)
 * @param pruneFraction fraction of the weights zeroed once at construction, in [0, 1] (seed paper: 0.5 for MNIST
 *     and Fashion-MNIST, 0.11 for SVHN)
 */
public record ConvLayerConfig(int filters, int kernel, int stride, int padding, Activation activation,
                              PoolingConfig pooling, double pruneFraction) {

    /** Validates every field. */
    public ConvLayerConfig {
        Checks.inRange("filters", filters, 1, 65_536);
        Checks.inRange("kernel", kernel, 1, 1024);
        Checks.inRange("stride", stride, 1, 1024);
        Checks.inRange("padding", padding, 0, kernel - 1);
        Checks.notNull("activation", activation);
        Checks.notNull("pooling", pooling);
        Checks.inClosedRange("pruneFraction", pruneFraction, 0.0, 1.0);
    }

    /** A copy with another pooling. */
    public ConvLayerConfig withPooling(PoolingConfig newPooling) {
        return new ConvLayerConfig(filters, kernel, stride, padding, activation, newPooling, pruneFraction);
    }

    /** A copy with another pruned fraction. */
    public ConvLayerConfig withPruneFraction(double newPruneFraction) {
        return new ConvLayerConfig(filters, kernel, stride, padding, activation, pooling, newPruneFraction);
    }
}
