package org.xbarlab.algorithms.muscle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RngStreams;

/** The IIC mutual-information loss against closed forms, and its analytic gradient against finite differences. */
class MutualInformationLossTest extends XbarlabTestBase {

    private static final double EPSILON = MutualInformationLoss.DEFAULT_EPSILON;

    /** One-hot rows: sample k has class {@code classes[k]}. */
    private static double[] oneHot(int classCount, int... classes) {
        double[] rows = new double[classes.length * classCount];
        for (int k = 0; k < classes.length; k++) {
            rows[k * classCount + classes[k]] = 1;
        }
        return rows;
    }

    private static double loss(double[] z1, double[] z2, int batch, int classes) {
        MutualInformationLoss loss = new MutualInformationLoss(classes, EPSILON);
        return loss.lossAndProbabilityGradient(z1, z2, batch, new double[batch * classes],
                new double[batch * classes]);
    }

    @Test
    void independentViewsCarryNoInformation() {
        int classes = 5;
        int batch = 7;
        double[] uniform = new double[batch * classes];
        java.util.Arrays.fill(uniform, 1.0 / classes);
        // P = 1/C² everywhere: P = r·s exactly, so I = 0.
        assertEquals(0.0, -loss(uniform, uniform, batch, classes), 1e-15);
    }

    @Test
    void perfectlyDependentBalancedViewsCarryLogC() {
        for (int classes : new int[] {2, 3, 10}) {
            int[] labels = new int[3 * classes];
            for (int k = 0; k < labels.length; k++) {
                labels[k] = k % classes;
            }
            double[] z = oneHot(classes, labels);
            // P = I/C: I = Σ_c (1/C)·ln((1/C)/(1/C²)) = ln C; the clamped zeros add C(C−1)·ε·ln(ε·C²)-sized terms.
            assertEquals(Math.log(classes), -loss(z, z, labels.length, classes), 1e-12, "C = " + classes);
        }
    }

    @Test
    void handMadeJointMatchesItsClosedForm() {
        // Ten sample pairs: 4 × (0, 0), 4 × (1, 1), 1 × (0, 1), 1 × (1, 0): P = [[0.4, 0.1], [0.1, 0.4]], both
        // marginals 0.5, so I = 2·0.4·ln(0.4/0.25) + 2·0.1·ln(0.1/0.25).
        double[] z1 = oneHot(2, 0, 0, 0, 0, 1, 1, 1, 1, 0, 1);
        double[] z2 = oneHot(2, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0);
        double expected = 0.8 * Math.log(1.6) + 0.2 * Math.log(0.4);
        assertEquals(expected, -loss(z1, z2, 10, 2), 1e-15);
        assertEquals(expected, MutualInformationLoss.mutualInformation(new double[] {0.4, 0.1, 0.1, 0.4}, 2,
                EPSILON), 1e-15);
        // An asymmetric pair is symmetrized first: (0, 1) twice gives P = [[0, 0.5], [0.5, 0]]: I = ln 2.
        assertEquals(Math.log(2), -loss(oneHot(2, 0, 0), oneHot(2, 1, 1), 2, 2), 1e-12);
        // A skewed joint without symmetry in the marginals, through the static closed form:
        // P = [[0.5, 0.2], [0.1, 0.2]], r = (0.7, 0.3), s = (0.6, 0.4).
        double skewed = 0.5 * Math.log(0.5 / 0.42) + 0.2 * Math.log(0.2 / 0.28) + 0.1 * Math.log(0.1 / 0.18)
                + 0.2 * Math.log(0.2 / 0.12);
        assertEquals(skewed, MutualInformationLoss.mutualInformation(new double[] {0.5, 0.2, 0.1, 0.2}, 2,
                EPSILON), 1e-15);
    }

    @Test
    void logitGradientMatchesCentralFiniteDifferences() {
        UniformRandomProvider random = RngStreams.of(TEST_SEED).stream("test/mutual-information");
        for (int trial = 0; trial < 20; trial++) {
            int classes = 2 + random.nextInt(6);
            int batch = 1 + random.nextInt(8);
            double[] logits1 = new double[batch * classes];
            double[] logits2 = new double[batch * classes];
            for (int k = 0; k < logits1.length; k++) {
                logits1[k] = 2 * random.nextDouble() - 1;
                logits2[k] = 2 * random.nextDouble() - 1;
            }
            MutualInformationLoss loss = new MutualInformationLoss(classes, EPSILON);
            double[] g1 = new double[logits1.length];
            double[] g2 = new double[logits2.length];
            loss.lossAndLogitGradient(logits1, logits2, batch, g1, g2);
            // Central differences: truncation error O(h²·f''') ≈ 1e-10 and rounding 1e-16/h ≈ 1e-11 at h = 1e-5.
            double h = 1e-5;
            for (int view = 0; view < 2; view++) {
                double[] x = view == 0 ? logits1 : logits2;
                double[] g = view == 0 ? g1 : g2;
                for (int k = 0; k < x.length; k++) {
                    double saved = x[k];
                    x[k] = saved + h;
                    double plus = value(loss, logits1, logits2, batch, classes);
                    x[k] = saved - h;
                    double minus = value(loss, logits1, logits2, batch, classes);
                    x[k] = saved;
                    double numeric = (plus - minus) / (2 * h);
                    assertEquals(numeric, g[k], 1e-8, "trial " + trial + ", view " + view + ", element " + k
                            + " (B " + batch + ", C " + classes + ", seed " + TEST_SEED + ")");
                }
            }
        }
    }

    private static double value(MutualInformationLoss loss, double[] logits1, double[] logits2, int batch,
                                 int classes) {
        return loss.lossAndLogitGradient(logits1, logits2, batch, new double[batch * classes],
                new double[batch * classes]);
    }

    @Test
    void floatFormAddsTheWeightedGradientAndValidates() {
        int classes = 3;
        int batch = 4;
        UniformRandomProvider random = RngStreams.of(TEST_SEED).stream("test/mutual-information-float");
        double[] l1 = new double[batch * classes];
        double[] l2 = new double[batch * classes];
        float[] stacked = new float[2 * batch * classes];
        for (int k = 0; k < l1.length; k++) {
            l1[k] = random.nextDouble();
            l2[k] = random.nextDouble();
            stacked[k] = (float) l1[k];
            stacked[batch * classes + k] = (float) l2[k];
            l1[k] = stacked[k];
            l2[k] = stacked[batch * classes + k];
        }
        MutualInformationLoss loss = new MutualInformationLoss(classes, EPSILON);
        double[] g1 = new double[l1.length];
        double[] g2 = new double[l2.length];
        double expected = loss.lossAndLogitGradient(l1, l2, batch, g1, g2);
        float[] gradient = new float[stacked.length];
        java.util.Arrays.fill(gradient, 1f);
        double actual = loss.addLogitGradient(stacked, 0, stacked, batch * classes, batch, 0.5, gradient, gradient);
        assertEquals(expected, actual, 1e-12);
        for (int k = 0; k < l1.length; k++) {
            assertEquals(1 + 0.5 * g1[k], gradient[k], 1e-6);
            assertEquals(1 + 0.5 * g2[k], gradient[batch * classes + k], 1e-6);
        }
        assertTrue(expected <= 0 && expected >= -Math.log(classes), "−I lies in [−ln C, 0]");
        assertThrows(IllegalArgumentException.class, () -> new MutualInformationLoss(1, EPSILON));
        assertThrows(IllegalArgumentException.class, () -> new MutualInformationLoss(4, 0.1));
    }
}
