package org.xbarlab.algorithms.conv;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.xbarlab.algorithms.network.Activation;
import org.xbarlab.algorithms.network.OptimizerKind;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.crossbar.DigitalCrossbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The conv network chains its layers correctly: gradients through the whole stack, and supervised learning. */
class ConvNetworkTest extends XbarlabTestBase {

    private static final double STEP = 5e-2;

    @Test
    void inputGradientThroughConvPoolAndDenseLayersMatchesFiniteDifferences() {
        ConvNetConfig parsed = ConvNetConfig.parse("3f3-4f3s2-6-5", 2, 9, 8, new PoolingConfig(PoolingKind.AVERAGE,
                2, 1, 1), 0.3);
        List<ConvLayerConfig> smooth = parsed.convolutions().stream()
                .map(c -> new ConvLayerConfig(c.filters(), c.kernel(), c.stride(), c.padding(),
                        c.filters() == 3 ? Activation.SIGMOID : Activation.IDENTITY, c.pooling(), c.pruneFraction()))
                .toList();
        ConvNetConfig config = parsed.withConvolutions(smooth)
                .withDenseActivations(List.of(Activation.IDENTITY, Activation.IDENTITY));
        ConvNetwork network = new ConvNetwork(config, (layer, rows, columns) -> new DigitalCrossbar(rows, columns),
                RngStreams.of(TEST_SEED), OptimizerKind.SGD);
        int batch = 2;
        SplittableRandom random = new SplittableRandom(TEST_SEED);
        float[] x = ConvReference.random(random, batch * network.inputs(), 0, 1);
        float[] c = ConvReference.random(random, batch * network.outputs(), -100, 100);
        network.forward(x, batch, Phase.TRAINING, null);
        float[] gradient = new float[x.length];
        network.backward(c, gradient);
        double largest = 0;
        for (int i = 0; i < x.length; i++) {
            float saved = x[i];
            x[i] = (float) (saved + STEP);
            double plus = ConvReference.dot(network.forward(x, batch, Phase.TRAINING, null), c, c.length);
            x[i] = (float) (saved - STEP);
            double minus = ConvReference.dot(network.forward(x, batch, Phase.TRAINING, null), c, c.length);
            x[i] = saved;
            assertEquals((plus - minus) / (2 * STEP), gradient[i], 1e-3, "∂L/∂x[" + i + "]");
            largest = Math.max(largest, Math.abs(gradient[i]));
        }
        assertTrue(largest > 0.05, "the gradient is not trivially zero: " + largest);
    }

    @Test
    void learnsASmallLabelledImageSetWithCrossEntropy() {
        // Two classes of 1×8×8 images: a bright vertical bar or a bright horizontal bar at a random place, plus noise.
        SplittableRandom random = new SplittableRandom(TEST_SEED);
        int samples = 64;
        float[] images = new float[samples * 64];
        int[] labels = new int[samples];
        for (int n = 0; n < samples; n++) {
            labels[n] = n % 2;
            int line = 1 + random.nextInt(6);
            for (int r = 0; r < 8; r++) {
                for (int col = 0; col < 8; col++) {
                    boolean on = labels[n] == 0 ? col == line : r == line;
                    images[n * 64 + r * 8 + col] = (float) ((on ? 0.8 : 0.0) + 0.2 * random.nextDouble());
                }
            }
        }
        ConvNetConfig config = ConvNetConfig.parse("4f3-2", 1, 8, 8, PoolingConfig.seedPaper(PoolingKind.MAX), 0.0);
        ConvNetwork network = new ConvNetwork(config, (layer, rows, columns) -> new DigitalCrossbar(rows, columns),
                RngStreams.of(TEST_SEED), OptimizerKind.ADAM);
        float[] gradient = new float[samples * 2];
        double first = 0;
        double last = 0;
        for (int epoch = 0; epoch < 40; epoch++) {
            float[] y = network.forward(images, samples, Phase.TRAINING, null);
            double loss = ConvNetwork.crossEntropyGradient(y, labels, samples, 2, gradient);
            if (epoch == 0) {
                first = loss;
            }
            last = loss;
            network.backward(gradient, null);
            network.update(new double[] {0.02, 0.02});
        }
        float[] y = network.forward(images, samples, Phase.INFERENCE, null);
        int correct = 0;
        for (int n = 0; n < samples; n++) {
            int predicted = y[2 * n + 1] > y[2 * n] ? 1 : 0;
            correct += predicted == labels[n] ? 1 : 0;
        }
        assertTrue(last < 0.5 * first, "loss " + first + " → " + last);
        assertTrue(correct >= 60, correct + " of " + samples + " correct");
    }
}
