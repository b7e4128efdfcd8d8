package org.xbarlab.algorithms.evaluation;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-worked cases of direct association. Values are multiples of 1/8, so every sum and mean below is exact in
 * float and the expected results need no tolerance.
 */
class DirectAssociationTest extends XbarlabTestBase {

    /**
     * Three neurons, two classes. Labeled samples (rows) and their classes:
     * <pre>
     *   class 0: [1,    0.5,  0   ]   [0.5,  0.5,  0.5]   → M[0] = [0.75,  0.5,  0.25]
     *   class 1: [0,    0.25, 1   ]   [0.25, 0.25, 0.5]   → M[1] = [0.125, 0.25, 0.75]
     * </pre>
     * so neurons 0 and 1 are labeled 0 and neuron 2 is labeled 1.
     */
    private static DirectAssociation threeNeuronExample() {
        float[] features = {
            1f, 0.5f, 0f,
            0.5f, 0.5f, 0.5f,
            0f, 0.25f, 1f,
            0.25f, 0.25f, 0.5f,
        };
        return DirectAssociation.fit(features, new int[] {0, 0, 1, 1}, 4, 3, 2);
    }

    @Test
    void threeNeuronExampleLabelsAndMeans() {
        DirectAssociation association = threeNeuronExample();
        assertArrayEquals(new int[] {0, 0, 1}, association.neuronLabels());
        assertArrayEquals(new float[] {0.75f, 0.5f, 0.25f, 0.125f, 0.25f, 0.75f}, association.classMeans());
        assertArrayEquals(new int[] {2, 1}, association.neuronsPerClass());
        assertArrayEquals(new int[] {2, 2}, association.labeledSamplesPerClass());
        assertEquals(0, association.unassignedNeuronCount());
    }

    @Test
    void threeNeuronExampleAverageAndMaxRules() {
        DirectAssociation association = threeNeuronExample();
        float[] test = {
            // average: class 0 = (0.75 + 0)/2 = 0.375 < class 1 = 0.5 → 1;  max: neuron 0 (0.75) → 0
            0.75f, 0f, 0.5f,
            // average: 0.25 < 0.5 → 1;  max: neuron 2 → 1
            0.25f, 0.25f, 0.5f,
            // average: 0.5 = 0.5, a tie → the lower class 0;  max: three-way tie → neuron 0 → 0
            0.5f, 0.5f, 0.5f,
            // average: (0 + 1)/2 = 0.5 < 0.75 → 1;  max: neuron 1 (1.0) → 0
            0f, 1f, 0.75f,
        };
        assertArrayEquals(new int[] {1, 1, 0, 1}, association.predictAverage(test, 4));
        assertArrayEquals(new int[] {0, 1, 0, 0}, association.predictMax(test, 4));

        int[] truth = {1, 1, 1, 0};
        assertEquals(0.5, association.accuracyAverage(test, truth, 4));
        assertEquals(0.5, association.accuracyMax(test, truth, 4));
        DirectAssociationResult result = association.evaluate(LabeledFeatures.of(test, truth, 4, 3));
        assertEquals(new DirectAssociationResult(0.5, 0.5, 4, 0), result);
    }

    @Test
    void aNeuronThatNeverRespondsIsUnassignedAndIgnored() {
        // Neuron 2 outputs 0 for every labeled sample; class 2 has samples but ends up with no neuron.
        float[] features = {
            1f, 0f, 0f,
            0f, 1f, 0f,
            0.5f, 0.25f, 0f,
        };
        DirectAssociation association = DirectAssociation.fit(features, new int[] {0, 1, 2}, 3, 3, 3);
        assertArrayEquals(new int[] {0, 1, DirectAssociation.UNASSIGNED}, association.neuronLabels());
        assertEquals(1, association.unassignedNeuronCount());
        assertArrayEquals(new int[] {1, 1, 0}, association.neuronsPerClass());

        // The unassigned neuron fires strongly at test time: the max rule replaces its output by −1 and the
        // average rule gives class 2 (no neuron) the score −1.
        float[] test = {0.25f, 0.5f, 8f};
        assertArrayEquals(new int[] {1}, association.predictMax(test, 1));
        assertArrayEquals(new int[] {1}, association.predictAverage(test, 1));
    }

    @Test
    void onlyAnExactlyZeroMaximumMeansNeverResponds() {
        // Neuron 0: negative means, maximum −0.25 (class 1) → labeled 1, as in the reference (max == 0 only).
        // Neuron 1: means 0 and −0.5, maximum exactly 0 → unassigned.
        float[] features = {
            -0.5f, 0f,
            -0.25f, -0.5f,
        };
        DirectAssociation association = DirectAssociation.fit(features, new int[] {0, 1}, 2, 2, 2);
        assertArrayEquals(new int[] {1, DirectAssociation.UNASSIGNED}, association.neuronLabels());
    }

    @Test
    void tiesGoToTheLowestClassIndex() {
        // Neuron 0: equal means 0.5 for classes 1 and 2 (class 0: 0.25) → class 1.
        // Neuron 1: equal means 0.75 for classes 0 and 2 → class 0.
        float[] features = {
            0.25f, 0.75f,
            0.5f, 0.125f,
            0.5f, 0.75f,
        };
        DirectAssociation association = DirectAssociation.fit(features, new int[] {0, 1, 2}, 3, 2, 3);
        assertArrayEquals(new int[] {1, 0}, association.neuronLabels());
    }

    @Test
    void maxRuleTiesGoToTheLowestNeuronWhereverTheyAre() {
        // Nine neurons, neuron j labeled j: sample j of the labeled set fires only neuron j.
        int n = 9;
        float[] identity = new float[n * n];
        int[] labels = new int[n];
        for (int j = 0; j < n; j++) {
            identity[j * n + j] = 1f;
            labels[j] = j;
        }
        DirectAssociation association = DirectAssociation.fit(identity, labels, n, n, n);
        float[] test = new float[3 * n];
        Arrays.fill(test, 0.25f);
        test[7] = 0.5f; // sample 0: equal maxima at neurons 7, 2 and 6
        test[2] = 0.5f;
        test[6] = 0.5f;
        test[n + 8] = 0.75f; // sample 1: equal maxima at neuron 8 (past the last group of four) and 5
        test[n + 5] = 0.75f;
        test[2 * n + 8] = 1f; // sample 2: a unique maximum in the last neuron
        assertArrayEquals(new int[] {2, 5, 8}, association.predictMax(test, 3));
    }

    @Test
    void aClassWithoutLabeledSamplesTakesNoPartInTheArgmax() {
        // Classes 0 and 1 have samples with negative outputs; class 2 has none, and its "mean" 0 would otherwise
        // be the largest. It must not win, and the reference's 0/0 has no meaning.
        float[] features = {-0.5f, -0.25f};
        DirectAssociation association = DirectAssociation.fit(features, new int[] {0, 1}, 2, 1, 3);
        assertArrayEquals(new int[] {1}, association.neuronLabels());
        assertArrayEquals(new int[] {1, 1, 0}, association.labeledSamplesPerClass());
    }

    @Test
    void aSelectedViewGivesTheSameFitAsCopiedRows() {
        float[] features = {
            1f, 0f, 0.5f,
            0f, 1f, 0.25f,
            0.5f, 0.5f, 0f,
            0.25f, 0f, 1f,
            0.75f, 0.125f, 0.5f,
        };
        int[] labels = {0, 1, 1, 2, 0};
        int[] subset = {4, 1, 3};
        LabeledFeatures view = LabeledFeatures.of(features, labels, 5, 3).select(subset);
        DirectAssociation fromView = DirectAssociation.fit(view, 3);
        DirectAssociation fromCopy = DirectAssociation.fit(view.copyOfFeatures(), view.copyOfLabels(), 3, 3, 3);
        assertArrayEquals(fromCopy.classMeans(), fromView.classMeans());
        assertArrayEquals(fromCopy.neuronLabels(), fromView.neuronLabels());
        assertArrayEquals(fromCopy.predictAverage(view.copyOfFeatures(), 3), fromView.predictAverage(view));
    }

    @Test
    void rejectsBadInputNamingIt() {
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> DirectAssociation.fit(new float[4], new int[] {0, 3}, 2, 2, 3));
        assertTrue(label.getMessage().contains("sample 1") && label.getMessage().contains("3"), label.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> DirectAssociation.fit(new float[3], new int[] {0, 1}, 2, 2, 2));
        assertTrue(size.getMessage().contains("2 × 2"), size.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> DirectAssociation.fit(new float[0], new int[0], 0, 2, 2));
        assertTrue(empty.getMessage().contains("at least one"), empty.getMessage());
        DirectAssociation association = threeNeuronExample();
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> association.predictAverage(LabeledFeatures.of(new float[4], new int[2], 2, 2)));
        assertTrue(width.getMessage().contains("3"), width.getMessage());
    }
}
