package org.xbarlab.algorithms.wta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.xbarlab.algorithms.network.Activation;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.crossbar.DigitalCrossbar;

/**
 * The learning rules' weight changes against independent computations: backpropagation against finite differences
 * of the loss, and equilibrium propagation against backpropagation's gradient as β → 0 (Scellier and Bengio 2017,
 * Theorem 1), on tiny networks with one sample.
 */
class WtaGradientTest extends XbarlabTestBase {

    private static final int INPUTS = 5;
    private static final int HIDDEN = 4;
    private static final int OUTPUTS = 3;

    private static WtaConfig config(LearningRule rule, List<Integer> sizes, List<Activation> activations,
                                    double learningRate, EquilibriumConfig equilibrium) {
        List<Double> rates = sizes.size() == 2 ? List.of(learningRate) : List.of(learningRate, learningRate);
        List<Double> dropout = sizes.size() == 2 ? List.of(0.0, 0.0) : List.of(0.0, 0.0, 0.0);
        return new WtaConfig(rule, sizes, activations, rates, dropout, 1, 0.0, HomeostasisMode.BATCH, 0.5, 0.0, 1,
                1, 1.0, 0.5, equilibrium);
    }

    private static float[] input() {
        return new float[] {0.2f, 0.9f, 0.5f, 0.1f, 0.7f};
    }

    /** Weights small enough that every pre-activation stays inside (0, 1), away from the hard sigmoid's kinks. */
    private static float[] weights(int rows, int columns, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] w = new float[rows * columns];
        for (int k = 0; k < w.length; k++) {
            w[k] = (float) (0.05 + 0.1 * random.nextDouble());
        }
        return w;
    }

    private static DigitalCrossbar[] crossbars(List<Integer> sizes) {
        DigitalCrossbar[] crossbars = new DigitalCrossbar[sizes.size() - 1];
        for (int l = 0; l < crossbars.length; l++) {
            crossbars[l] = new DigitalCrossbar(sizes.get(l + 1), sizes.get(l));
            crossbars[l].program(weights(sizes.get(l + 1), sizes.get(l), TEST_SEED + l));
        }
        return crossbars;
    }

    /** Forward pass of a sigmoid/relu chain with zero biases. */
    private static double[] forward(List<float[]> w, List<Integer> sizes, List<Activation> activations, float[] x) {
        double[] a = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            a[j] = x[j];
        }
        for (int l = 0; l < w.size(); l++) {
            int rows = sizes.get(l + 1);
            int columns = sizes.get(l);
            double[] next = new double[rows];
            for (int i = 0; i < rows; i++) {
                double z = 0;
                for (int j = 0; j < columns; j++) {
                    z += w.get(l)[i * columns + j] * a[j];
                }
                next[i] = switch (activations.get(l)) {
                    case SIGMOID -> 1 / (1 + Math.exp(-z));
                    case RELU -> Math.max(z, 0);
                    case HARD_SIGMOID -> Math.max(0, Math.min(1, z));
                    case IDENTITY -> z;
                };
            }
            a = next;
        }
        return a;
    }

    @Test
    void backpropagationStepEqualsFiniteDifferencesOfTheLoss() {
        List<Integer> sizes = List.of(INPUTS, HIDDEN, OUTPUTS);
        List<Activation> activations = List.of(Activation.SIGMOID, Activation.SIGMOID);
        // Large enough that the float32 weight change is far above the weights' rounding (ulp(0.1) = 7.5e-9).
        double learningRate = 0.1;
        DigitalCrossbar[] crossbars = crossbars(sizes);
        List<float[]> before = List.of(readWeights(crossbars[0]), readWeights(crossbars[1]));
        WtaNetwork network = new WtaNetwork(config(LearningRule.BACKPROPAGATION, sizes, activations, learningRate,
                EquilibriumConfig.defaults()), (l, r, c) -> crossbars[l], RngStreams.of(TEST_SEED));
        // The constructor initialised the weights; put the known ones back.
        crossbars[0].program(before.get(0));
        crossbars[1].program(before.get(1));
        float[] x = input();
        double[] y = forward(before, sizes, activations, x);
        int winner = argmax(y);
        network.trainEpoch(x, 1, 0, Progress.NONE);

        // L = mean over the outputs of (y − d)², d one-hot at the winner (k = 1, no mask, no smoothing).
        for (int l = 0; l < 2; l++) {
            float[] after = readWeights(crossbars[l]);
            float[] w = before.get(l);
            for (int k = 0; k < w.length; k++) {
                double h = 1e-3;
                double plus = loss(perturbed(before, l, k, h), sizes, activations, x, winner);
                double minus = loss(perturbed(before, l, k, -h), sizes, activations, x, winner);
                double gradient = (plus - minus) / (2 * h);
                double expectedChange = -learningRate * gradient;
                assertEquals(expectedChange, after[k] - w[k], 1e-3 * Math.abs(expectedChange) + 2e-8,
                        "layer " + l + ", weight " + k);
            }
        }
    }

    @Test
    void equilibriumPropagationApproachesTheGradientAsNudgingVanishes() {
        List<Integer> sizes = List.of(INPUTS, OUTPUTS);
        List<Activation> activations = List.of(Activation.HARD_SIGMOID);
        double learningRate = 1e-2;
        float[] x = input();
        double previousError = Double.POSITIVE_INFINITY;
        for (double beta : new double[] {0.1, 0.01, 0.001}) {
            EquilibriumConfig equilibrium = new EquilibriumConfig(400, 400, beta, 0.2,
                    EquilibriumEstimate.ONE_SIDED, false);
            DigitalCrossbar[] crossbars = crossbars(sizes);
            float[] w = readWeights(crossbars[0]);
            WtaNetwork network = new WtaNetwork(config(LearningRule.EQUILIBRIUM_PROPAGATION, sizes, activations,
                    learningRate, equilibrium), (l, r, c) -> crossbars[l], RngStreams.of(TEST_SEED));
            crossbars[0].program(w);
            double[] y = forward(List.of(w), sizes, activations, x);
            int winner = argmax(y);
            network.trainEpoch(x, 1, 0, Progress.NONE);
            float[] after = readWeights(crossbars[0]);
            // −∂C/∂W for C = ½‖d − y‖², y = hardsigm(W·x), inside the linear region: (d − y)·xᵀ.
            double error = 0;
            double scale = 0;
            for (int i = 0; i < OUTPUTS; i++) {
                double d = i == winner ? 1 : 0;
                for (int j = 0; j < INPUTS; j++) {
                    double expected = learningRate * (d - y[i]) * x[j];
                    double actual = after[i * INPUTS + j] - w[i * INPUTS + j];
                    error = Math.max(error, Math.abs(actual - expected));
                    scale = Math.max(scale, Math.abs(expected));
                }
            }
            double relative = error / scale;
            assertTrue(relative < previousError || relative < 1e-3,
                    "the error shrinks with β: " + relative + " at β = " + beta);
            previousError = relative;
            if (beta == 0.001) {
                assertTrue(relative < 0.01, "EP within 1 % of the gradient at β = 0.001, got " + relative);
            }
        }
    }

    private static int argmax(double[] y) {
        int best = 0;
        for (int i = 1; i < y.length; i++) {
            if (y[i] > y[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double loss(List<float[]> w, List<Integer> sizes, List<Activation> activations, float[] x,
                               int winner) {
        double[] y = forward(w, sizes, activations, x);
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double d = i == winner ? 1 : 0;
            sum += (y[i] - d) * (y[i] - d);
        }
        return sum / y.length;
    }

    private static List<float[]> perturbed(List<float[]> w, int layer, int index, double h) {
        float[] first = w.get(0).clone();
        float[] second = w.size() > 1 ? w.get(1).clone() : null;
        float[] target = layer == 0 ? first : second;
        target[index] += (float) h;
        return second == null ? List.of(first) : List.of(first, second);
    }

    private static float[] readWeights(DigitalCrossbar crossbar) {
        float[] w = new float[crossbar.rows() * crossbar.columns()];
        crossbar.readWeights(w);
        return w;
    }
}
