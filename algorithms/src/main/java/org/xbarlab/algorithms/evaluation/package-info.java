/**
 * Evaluation of learned representations, working on feature matrices (the frozen network's outputs, row-major
 * {@code float[samples × features]}, with {@code int[]} labels) so that it does not depend on how the features were
 * computed:
 * <ul>
 *   <li>{@link org.xbarlab.algorithms.evaluation.LabeledSubset}: the stratified labeled subset (a fraction or a
 *       count of the training set);</li>
 *   <li>{@link org.xbarlab.algorithms.evaluation.DirectAssociation}: the seed paper's direct association (neuron
 *       labels from class-mean responses; average and max rules);</li>
 *   <li>{@link org.xbarlab.algorithms.evaluation.LinearClassifier} with
 *       {@link org.xbarlab.algorithms.evaluation.LinearClassifierConfig}: the seed paper's linear classifier
 *       (dropout, linear layer, identity or sigmoid, softmax cross-entropy, Adam, learning-rate schedules).</li>
 * </ul>
 * {@link org.xbarlab.algorithms.evaluation.LabeledFeatures} wraps a feature matrix and its labels without copying.
 *
 * <p>Everything here runs in software (float32, products through sim-core's {@code Kernels}); networks, learning
 * rules and anything that touches the simulated chip belong to other packages.
 */
package org.xbarlab.algorithms.evaluation;
