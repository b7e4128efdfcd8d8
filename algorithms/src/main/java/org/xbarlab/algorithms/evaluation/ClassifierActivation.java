package org.xbarlab.algorithms.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The activation between the linear layer of a {@link LinearClassifier} and its softmax cross-entropy loss: the
 * seed paper's {@code class_activation}. The JSON names are part of the config format and never change.
 */
public enum ClassifierActivation {

    /**
     * {@code a = z}: plain multinomial logistic regression, CE(softmax(z)); the reference's {@code "x"}. Used by the
     * BP one-layer and CNN experiments.
     */
    @JsonProperty("identity") IDENTITY,

    /**
     * {@code a = σ(z) = 1/(1 + e^(−z))}, and the loss is CE(softmax(σ(z))): the softmax sees values in (0, 1), so
     * the predicted probabilities can never be sharper than {@code e/(e + classes − 1)}. Used by the BP two-layer
     * and all EP experiments.
     */
    @JsonProperty("sigmoid") SIGMOID
}
