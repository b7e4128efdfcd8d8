package org.xbarlab.crossbar.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.cost.CostLedger;
import org.xbarlab.core.cost.CostSummary;
import org.xbarlab.core.cost.Phase;

class TileCostModelPropertyTest extends XbarlabTestBase {

    /** Relative tolerance between a cost and the same cost computed from a batch twice as large. */
    private static final double RELATIVE_TOLERANCE = 1e-12;

    private static final List<TechnologyConfig> TECHNOLOGIES = List.of(TechnologyConfig.defaults(),
            TechnologyConfig.neuroSimMlpV3(),
            TechnologyConfig.defaults().withAdcEnergy(new WaldenConverterEnergyConfig(20e-15))
                    .withPeripheralEnergyPerOperationJoules(1e-13).withPeripheralLatencyPerOperationSeconds(1e-10));

    private static CostSummary mvm(TechnologyConfig technology, long batch, int inputs, int outputs,
                                   MvmPrecision precision, double activeFraction, double conductance) {
        CostLedger ledger = new CostLedger();
        ArrayReadActivity activity = ArrayReadActivity.uniform(batch, inputs, outputs, precision, activeFraction,
                conductance);
        TileCostModel.from(technology).chargeMvm(ledger, Phase.TRAINING, batch, inputs, outputs, precision,
                activity);
        return ledger.summarize(1);
    }

    private static MvmPrecision precision(boolean bitSerial, int inputBits, int adcBits) {
        return bitSerial ? MvmPrecision.bitSerial(inputBits, adcBits) : MvmPrecision.parallel(inputBits, adcBits);
    }

    @Property(tries = 200)
    void everyChargeIsNonNegativeAndFinite(@ForAll @IntRange(min = 0, max = 2) int technology,
                                           @ForAll @IntRange(min = 0, max = 1000) int batch,
                                           @ForAll @IntRange(min = 1, max = 1024) int inputs,
                                           @ForAll @IntRange(min = 1, max = 1024) int outputs,
                                           @ForAll boolean bitSerial,
                                           @ForAll @IntRange(min = 1, max = 12) int inputBits,
                                           @ForAll @IntRange(min = 0, max = 14) int adcBits,
                                           @ForAll @DoubleRange(min = 0, max = 1) double activeFraction,
                                           @ForAll @DoubleRange(min = 0, max = 1e6) double conductanceNanosiemens) {
        CostSummary summary = mvm(TECHNOLOGIES.get(technology), batch, inputs, outputs,
                precision(bitSerial, inputBits, adcBits), activeFraction, conductanceNanosiemens * 1e-9);
        for (CostSummary.Entry entry : summary.entries()) {
            assertTrue(entry.energyJoules() >= 0 && Double.isFinite(entry.energyJoules()), entry.toString());
            assertTrue(entry.latencySeconds() >= 0 && Double.isFinite(entry.latencySeconds()), entry.toString());
            assertTrue(entry.operationCount() >= 0, entry.toString());
        }
    }

    @Property(tries = 200)
    void costsAreLinearInBatchSize(@ForAll @IntRange(min = 0, max = 2) int technology,
                                   @ForAll @IntRange(min = 1, max = 500) int batch,
                                   @ForAll @IntRange(min = 1, max = 512) int inputs,
                                   @ForAll @IntRange(min = 1, max = 512) int outputs,
                                   @ForAll boolean bitSerial,
                                   @ForAll @IntRange(min = 1, max = 8) int inputBits,
                                   @ForAll @IntRange(min = 1, max = 12) int adcBits,
                                   @ForAll @IntRange(min = 0, max = 4) int activeQuarters,
                                   @ForAll @DoubleRange(min = 1, max = 1e5) double conductanceNanosiemens) {
        double conductance = conductanceNanosiemens * 1e-9;
        // Quarters keep the rounded active-line count exactly proportional to the batch.
        double activeFraction = activeQuarters / 4.0;
        MvmPrecision precision = precision(bitSerial, inputBits, adcBits);
        TechnologyConfig config = TECHNOLOGIES.get(technology);
        CostSummary once = mvm(config, batch, 4 * inputs, outputs, precision, activeFraction, conductance);
        CostSummary twice = mvm(config, 2L * batch, 4 * inputs, outputs, precision, activeFraction, conductance);
        assertEquals(once.entries().size(), twice.entries().size());
        for (int i = 0; i < once.entries().size(); i++) {
            CostSummary.Entry a = once.entries().get(i);
            CostSummary.Entry b = twice.entries().get(i);
            assertEquals(a.component(), b.component());
            assertEquals(2 * a.energyJoules(), b.energyJoules(), 2 * a.energyJoules() * RELATIVE_TOLERANCE,
                    a.component());
            assertEquals(2 * a.latencySeconds(), b.latencySeconds(), 2 * a.latencySeconds() * RELATIVE_TOLERANCE,
                    a.component());
            assertEquals(2 * a.operationCount(), b.operationCount(), a.component());
        }
    }

    @Property(tries = 100)
    void pulsedUpdatesAreNonNegativeAndAdditive(@ForAll @IntRange(min = 1, max = 24) int rows,
                                                @ForAll @IntRange(min = 1, max = 40) int columns,
                                                @ForAll @IntRange(min = -20, max = 20) int countA,
                                                @ForAll @IntRange(min = -20, max = 20) int countB,
                                                @ForAll boolean rowParallel) {
        TileCostModel model = TileCostModel.from(TechnologyConfig.defaults().withWriteScheduling(
                rowParallel ? WriteScheduling.ROW_PARALLEL : WriteScheduling.ROW_BY_ROW));
        int[] a = new int[rows * columns];
        int[] b = new int[rows * columns];
        for (int k = 0; k < a.length; k++) {
            a[k] = (k % 3 == 0) ? countA : 0;
            b[k] = (k % 2 == 0) ? countB : 0;
        }
        WritePulse set = WritePulse.of(1.5, 50e-9);
        WritePulse reset = WritePulse.of(-1.2, 30e-9);
        CostLedger separately = new CostLedger();
        PulseActivity first = model.pulseActivity(rows, columns, a, 5e-6);
        PulseActivity second = model.pulseActivity(rows, columns, b, 5e-6);
        model.chargePulsedUpdate(separately, Phase.TRAINING, rows, columns, set, reset, first);
        model.chargePulsedUpdate(separately, Phase.TRAINING, rows, columns, set, reset, second);
        CostLedger together = new CostLedger();
        model.chargePulsedUpdate(together, Phase.TRAINING, rows, columns, set, reset, first.plus(second));
        double energy = separately.energyJoules(Phase.TRAINING);
        assertTrue(energy >= 0);
        assertEquals(energy, together.energyJoules(Phase.TRAINING), energy * RELATIVE_TOLERANCE);
        assertEquals(separately.latencySeconds(Phase.TRAINING), together.latencySeconds(Phase.TRAINING),
                separately.latencySeconds(Phase.TRAINING) * RELATIVE_TOLERANCE);
    }
}
