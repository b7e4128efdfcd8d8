package org.xbarlab.cli;

import org.xbarlab.algorithms.conv.CnnConfig;
import org.xbarlab.algorithms.experiment.DataConfig;
import org.xbarlab.algorithms.experiment.EvaluationConfig;
import org.xbarlab.algorithms.hebbian.HebbianConfig;
import org.xbarlab.algorithms.muscle.MuscleConfig;
import org.xbarlab.algorithms.supervised.SemiSupervisedConfig;
import org.xbarlab.algorithms.supervised.SupervisedConfig;
import org.xbarlab.algorithms.wta.WtaConfig;
import org.xbarlab.core.Checks;
import org.xbarlab.crossbar.ChipConfig;

/**
 * An experiment file of {@code xbarlab run}: the data, the chip (or none: exact software weights), the network and
 * its learning rule, and the evaluation. A file gives only what differs from {@link #defaults()}; the resolved
 * config (every default filled in) is recorded in the result.
 *
 * @param schemaVersion version of this file format, {@value #SCHEMA_VERSION}
 * @param name a label for the experiment, not blank
 * @param seed the root seed, or null to generate one (printed and recorded)
 * @param method what is trained: the unsupervised self-defined target ({@code wta}, settings in
 *     {@code training}), a supervised network ({@code supervised}, settings in {@code supervised}) or the
 *     semi-supervised scheme ({@code semi-supervised}, settings in {@code semiSupervised}), FastHebb-style
 *     Hebbian learning ({@code hebbian}, settings in {@code hebbian}) or MUSCLE-style mutual-information learning
 *     ({@code muscle}, settings in {@code muscle}), or a convolutional network ({@code cnn}, settings in
 *     {@code cnn})
 * @param data the data set
 * @param chip the simulated chip, or null to train exact software weights
 * @param training the unsupervised network and its learning rule; required for {@code wta}, null otherwise
 * @param supervised the supervised network and its learning rule; required for {@code supervised}, null otherwise
 * @param semiSupervised the semi-supervised scheme; required for {@code semi-supervised}, null otherwise
 * @param hebbian the Hebbian network and rule; required for {@code hebbian}, null otherwise
 * @param muscle the mutual-information network; required for {@code muscle}, null otherwise
 * @param cnn the convolutional network; required for {@code cnn}, null otherwise
 * @param evaluation how to evaluate
 */
public record ExperimentConfig(int schemaVersion, String name, Long seed, ExperimentMethod method, DataConfig data,
                               ChipConfig chip, WtaConfig training, SupervisedConfig supervised,
                               SemiSupervisedConfig semiSupervised, HebbianConfig hebbian, MuscleConfig muscle,
                               CnnConfig cnn, EvaluationConfig evaluation) {

    /** Version of the experiment file format written and read by this build. */
    public static final int SCHEMA_VERSION = 1;

    /** Validates every field. */
    public ExperimentConfig {
        Checks.isTrue(schemaVersion == SCHEMA_VERSION, "schemaVersion must be %d, got %d", SCHEMA_VERSION,
                schemaVersion);
        Checks.notEmpty("name", name);
        Checks.notNull("method", method);
        Checks.notNull("data", data);
        Checks.notNull("evaluation", evaluation);
        Checks.isTrue((training != null) == (method == ExperimentMethod.WTA),
                "training must be given exactly when method is wta (method is %s)", method);
        Checks.isTrue((supervised != null) == (method == ExperimentMethod.SUPERVISED),
                "supervised must be given exactly when method is supervised (method is %s)", method);
        Checks.isTrue((semiSupervised != null) == (method == ExperimentMethod.SEMI_SUPERVISED),
                "semiSupervised must be given exactly when method is semi-supervised (method is %s)", method);
        Checks.isTrue((hebbian != null) == (method == ExperimentMethod.HEBBIAN),
                "hebbian must be given exactly when method is hebbian (method is %s)", method);
        Checks.isTrue((muscle != null) == (method == ExperimentMethod.MUSCLE),
                "muscle must be given exactly when method is muscle (method is %s)", method);
        Checks.isTrue((cnn != null) == (method == ExperimentMethod.CNN),
                "cnn must be given exactly when method is cnn (method is %s)", method);
    }

    /** A copy with the root seed and the chip given (the resolved form recorded in the result). */
    public ExperimentConfig withSeedAndChip(long newSeed, ChipConfig newChip) {
        return new ExperimentConfig(schemaVersion, name, newSeed, method, data, newChip, training, supervised,
                semiSupervised, hebbian, muscle, cnn, evaluation);
    }

    /**
     * The paper's one-layer backpropagation experiment (784-2000, MNIST, 200 epochs) on the ideal chip, evaluated by
     * direct association after every epoch.
     */
    public static ExperimentConfig defaults() {
        return new ExperimentConfig(SCHEMA_VERSION, "wta-backpropagation-one-layer", null, ExperimentMethod.WTA,
                DataConfig.defaults(), ChipConfig.ideal(), WtaConfig.backpropagationOneLayer(), null, null, null, null, null,
                EvaluationConfig.defaults());
    }
}
