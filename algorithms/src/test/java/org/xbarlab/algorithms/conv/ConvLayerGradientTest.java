package org.xbarlab.algorithms.conv;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbarlab.algorithms.network.Activation;
import org.xbarlab.algorithms.network.OptimizerKind;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.crossbar.DigitalCrossbar;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Backpropagation through a conv layer (input, weight and bias gradients) matches central finite differences of
 * the loss {@code L = Σ c·a} with random coefficients {@code c} and a smooth activation (sigmoid) or the identity.
 */
class ConvLayerGradientTest extends XbarlabTestBase {

    /** Central-difference step; the truncation error is O(h²) times the third derivative (≤ 0.1 for a sigmoid). */
    private static final double STEP = 1e-2;

    @ParameterizedTest
    @CsvSource({
        "2, 2, 3, 7, 6, 3, 1, 1, sigmoid",
        "1, 3, 2, 9, 9, 5, 2, 2, sigmoid",
        "2, 1, 4, 5, 8, 3, 2, 0, identity",
        "1, 2, 2, 6, 5, 4, 3, 3, sigmoid",
    })
    void gradientsMatchFiniteDifferences(int batch, int channels, int filters, int height, int width, int kernel,
                                         int stride, int padding, String activation) {
        SplittableRandom random = new SplittableRandom(TEST_SEED);
        Im2Col geometry = new Im2Col(channels, height, width, kernel, stride, padding);
        Activation f = activation.equals("sigmoid") ? Activation.SIGMOID : Activation.IDENTITY;
        ConvLayer layer = new ConvLayer(new DigitalCrossbar(filters, geometry.patchSize()), geometry, f, true,
                OptimizerKind.SGD, Pruning.none(filters * geometry.patchSize()));
        float[] weights = ConvReference.random(random, filters * geometry.patchSize(), -0.5, 0.5);
        layer.program(weights.clone());
        float[] bias = ConvReference.random(random, filters, -0.2, 0.2);
        System.arraycopy(bias, 0, layer.bias(), 0, filters);
        float[] x = ConvReference.random(random, batch * geometry.inputSize(), -1, 1);
        float[] c = ConvReference.random(random, batch * layer.outputs(), -1, 1);

        layer.forward(x, batch, Phase.TRAINING);
        float[] inputGradient = new float[x.length];
        layer.backward(c, inputGradient);
        float[] weightGradient = new float[weights.length];
        layer.weightGradient(weightGradient);
        float[] biasGradient = new float[filters];
        layer.biasGradient(biasGradient);

        for (int i = 0; i < x.length; i++) {
            float saved = x[i];
            x[i] = (float) (saved + STEP);
            double plus = loss(layer, x, batch, c);
            x[i] = (float) (saved - STEP);
            double minus = loss(layer, x, batch, c);
            x[i] = saved;
            assertEquals((plus - minus) / (2 * STEP), inputGradient[i], 2e-3, "∂L/∂x[" + i + "]");
        }
        for (int k = 0; k < weights.length; k++) {
            float saved = weights[k];
            weights[k] = (float) (saved + STEP);
            layer.program(weights.clone());
            double plus = loss(layer, x, batch, c);
            weights[k] = (float) (saved - STEP);
            layer.program(weights.clone());
            double minus = loss(layer, x, batch, c);
            weights[k] = saved;
            layer.program(weights.clone());
            assertEquals((plus - minus) / (2 * STEP), weightGradient[k], 2e-3 * (1 + Math.abs(weightGradient[k])),
                    "∂L/∂W[" + k + "]");
        }
        for (int j = 0; j < filters; j++) {
            float saved = layer.bias()[j];
            layer.bias()[j] = (float) (saved + STEP);
            double plus = loss(layer, x, batch, c);
            layer.bias()[j] = (float) (saved - STEP);
            double minus = loss(layer, x, batch, c);
            layer.bias()[j] = saved;
            assertEquals((plus - minus) / (2 * STEP), biasGradient[j], 2e-3 * (1 + Math.abs(biasGradient[j])),
                    "∂L/∂b[" + j + "]");
        }
    }

    private static double loss(ConvLayer layer, float[] x, int batch, float[] c) {
        float[] y = layer.forward(x, batch, Phase.TRAINING);
        return ConvReference.dot(y, c, batch * layer.outputs());
    }
}
