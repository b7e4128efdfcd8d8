package org.xbarlab.algorithms.conv;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a convolutional network is trained in a {@link CnnConfig} experiment. */
public enum CnnMode {
    /**
     * Without labels, toward the self-defined k-WTA target with homeostasis, by backpropagation
     * ({@link CnnWtaTrainer}; the seed paper's CNN, seed-algorithm.md §2.6 and §6.2); evaluated by direct association
     * and a linear classifier on the frozen outputs.
     */
    @JsonProperty("wta")
    WTA,
    /**
     * With labels, softmax cross-entropy through the whole network ({@link CnnSupervisedTrainer}; the paper's
     * "supervised CNN (same arch, CE)" column of §6.2); evaluated by the network's own test accuracy.
     */
    @JsonProperty("supervised")
    SUPERVISED
}
