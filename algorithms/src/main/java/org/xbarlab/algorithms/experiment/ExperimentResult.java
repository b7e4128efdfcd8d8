package org.xbarlab.algorithms.experiment;

import java.util.List;

import org.xbarlab.algorithms.wta.EpochResult;

/**
 * What an experiment measured.
 *
 * @param epochs one entry per training epoch
 * @param evaluations every evaluation, in order
 * @param trainingSamples samples presented for training (epochs × training set)
 * @param inferenceSamples samples run through the network for evaluation
 * @param completed whether every epoch ran (false when interrupted or failed)
 * @param failure why the run stopped early (a numerical failure), or null
 */
public record ExperimentResult(List<EpochResult> epochs, List<Evaluation> evaluations, long trainingSamples,
                               long inferenceSamples, boolean completed, String failure) {

    /** Copies the lists. */
    public ExperimentResult {
        epochs = List.copyOf(epochs);
        evaluations = List.copyOf(evaluations);
    }

    /**
     * A result without a failure.
     *
     * @param epochs one entry per training epoch
     * @param evaluations every evaluation, in order
     * @param trainingSamples samples presented for training
     * @param inferenceSamples samples run through the network for evaluation
     * @param completed whether every epoch ran
     */
    public ExperimentResult(List<EpochResult> epochs, List<Evaluation> evaluations, long trainingSamples,
                            long inferenceSamples, boolean completed) {
        this(epochs, evaluations, trainingSamples, inferenceSamples, completed, null);
    }

    /** The last evaluation right after training (not a drift evaluation), or null. */
    public Evaluation finalEvaluation() {
        Evaluation last = null;
        for (Evaluation evaluation : evaluations) {
            if (evaluation.secondsAfterTraining() == 0) {
                last = evaluation;
            }
        }
        return last;
    }
}
