package org.xbarlab.algorithms.conv;

import java.util.SplittableRandom;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.xbarlab.algorithms.network.Activation;
import org.xbarlab.algorithms.network.OptimizerKind;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.crossbar.DigitalCrossbar;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A conv layer on the ideal (digital) crossbar equals a direct nested-loop convolution. */
class ConvLayerMatchesReferenceTest extends XbarlabTestBase {

    @Property(tries = 120)
    void forwardEqualsDirectConvolution(@ForAll @IntRange(min = 1, max = 3) int batch,
                                        @ForAll @IntRange(min = 1, max = 3) int channels,
                                        @ForAll @IntRange(min = 1, max = 4) int filters,
                                        @ForAll @IntRange(min = 1, max = 11) int height,
                                        @ForAll @IntRange(min = 1, max = 11) int width,
                                        @ForAll @IntRange(min = 1, max = 5) int kernel,
                                        @ForAll @IntRange(min = 1, max = 3) int stride,
                                        @ForAll @IntRange(min = 0, max = 4) int padding,
                                        @ForAll boolean relu,
                                        @ForAll long seed) {
        Assume.that(padding < kernel && kernel <= height + 2 * padding && kernel <= width + 2 * padding);
        SplittableRandom random = new SplittableRandom(seed);
        Im2Col geometry = new Im2Col(channels, height, width, kernel, stride, padding);
        ConvLayer layer = new ConvLayer(new DigitalCrossbar(filters, geometry.patchSize()), geometry,
                relu ? Activation.RELU : Activation.IDENTITY, true, OptimizerKind.SGD,
                Pruning.none(filters * geometry.patchSize()));
        float[] weights = ConvReference.random(random, filters * geometry.patchSize(), -1, 1);
        layer.program(weights.clone());
        float[] bias = ConvReference.random(random, filters, -0.5, 0.5);
        System.arraycopy(bias, 0, layer.bias(), 0, filters);
        float[] x = ConvReference.random(random, batch * geometry.inputSize(), 0, 1);

        float[] y = layer.forward(x, batch, Phase.INFERENCE);

        double[] expected = ConvReference.convolve(x, batch, channels, height, width, weights, bias, filters, kernel,
                stride, padding);
        assertEquals(expected.length, batch * layer.outputs());
        double tolerance = 1e-5 * geometry.patchSize();
        for (int i = 0; i < expected.length; i++) {
            double want = relu ? Math.max(0, expected[i]) : expected[i];
            assertEquals(want, y[i], tolerance, geometry + " output " + i);
        }
    }
}
