package org.xbarlab.algorithms.network;

import java.util.List;

/** The per-layer learning rates of one epoch, shared by the training loops. */
public final class LearningRates {

    private LearningRates() {
    }

    /**
     * Each layer's base rate times the epoch's schedule factor.
     *
     * @param baseRates the configured rate of every layer, input side first, at least {@code layers} of them
     * @param layers number of layers
     * @param factor the epoch's schedule factor
     * @return {@code baseRates[l]·factor} for {@code l < layers}
     */
    public static double[] scaled(List<Double> baseRates, int layers, double factor) {
        double[] rates = new double[layers];
        for (int l = 0; l < layers; l++) {
            rates[l] = baseRates.get(l) * factor;
        }
        return rates;
    }
}
