package org.xbarlab.algorithms.network;

import java.util.List;

import org.xbarlab.core.Checks;

/**
 * Validation shared by the configs of layered networks: the layer sizes, and lists with one entry per weight layer.
 */
public final class LayerChecks {

    private LayerChecks() {
    }

    /**
     * Checks {@code layerSizes}: at least an input and an output size, each in 1 to 1 000 000.
     *
     * @param layerSizes neurons per layer, input first
     * @return the number of weight layers, {@code layerSizes.size() − 1}
     */
    public static int weightLayers(List<Integer> layerSizes) {
        Checks.isTrue(layerSizes.size() >= 2, "layerSizes needs at least an input and an output size, got %s",
                layerSizes);
        for (int i = 0; i < layerSizes.size(); i++) {
            Checks.inRange("layerSizes[" + i + "]", layerSizes.get(i), 1, 1_000_000);
        }
        return layerSizes.size() - 1;
    }

    /**
     * Checks that a list has one entry per weight layer.
     *
     * @param name the list's name in messages
     * @param list the list
     * @param layers the number of weight layers
     */
    public static void perLayer(String name, List<?> list, int layers) {
        Checks.isTrue(list.size() == layers, "%s needs one entry per weight layer (%d), got %d", name, layers,
                list.size());
    }

    /**
     * Checks that a list of learning rates has one non-negative finite entry per weight layer.
     *
     * @param name the list's name in messages
     * @param rates the rates
     * @param layers the number of weight layers
     */
    public static void learningRates(String name, List<Double> rates, int layers) {
        perLayer(name, rates, layers);
        for (int i = 0; i < layers; i++) {
            Checks.nonNegativeFinite(name + "[" + i + "]", rates.get(i));
        }
    }

    /**
     * Checks that every weight layer uses the hard sigmoid, as equilibrium propagation's clamped states require.
     *
     * @param activations one per weight layer
     */
    public static void hardSigmoidForEquilibrium(List<Activation> activations) {
        for (int i = 0; i < activations.size(); i++) {
            Checks.isTrue(activations.get(i) == Activation.HARD_SIGMOID,
                    "activations[%d] must be hard-sigmoid for equilibrium propagation, got %s", i,
                    activations.get(i));
        }
    }
}
