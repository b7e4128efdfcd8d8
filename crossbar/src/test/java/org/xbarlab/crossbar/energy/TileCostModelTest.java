package org.xbarlab.crossbar.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.cost.CostAccount;
import org.xbarlab.core.cost.CostLedger;
import org.xbarlab.core.cost.CostSummary;
import org.xbarlab.core.cost.Phase;

class TileCostModelTest extends XbarlabTestBase {

    /** Relative tolerance of comparisons between sums computed in different orders. */
    private static final double RELATIVE_TOLERANCE = 1e-12;

    private static final double MEAN_CONDUCTANCE_SIEMENS = 20e-6;
    private static final TechnologyConfig DEFAULTS = TechnologyConfig.defaults();
    private static final TileCostModel MODEL = TileCostModel.from(DEFAULTS);
    private static final WritePulse SET = WritePulse.of(2.0, 10e-9);
    private static final WritePulse RESET = WritePulse.of(-2.0, 20e-9);

    private static CostAccount account(CostLedger ledger, Phase phase, CostComponent component) {
        return ledger.account(phase, component.key());
    }

    private static void assertRelativelyEqual(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.abs(expected) * RELATIVE_TOLERANCE, what);
    }

    private static CostLedger forward(TileCostModel model, long batch, int inputs, int outputs,
                                      MvmPrecision precision, double activeFraction) {
        CostLedger ledger = new CostLedger();
        ArrayReadActivity activity = ArrayReadActivity.uniform(batch, inputs, outputs, precision, activeFraction,
                MEAN_CONDUCTANCE_SIEMENS);
        model.chargeMvm(ledger, Phase.INFERENCE, batch, inputs, outputs, precision, activity);
        return ledger;
    }

    @Test
    void forwardProductChargesEveryComponentByTheDocumentedEquations() {
        MvmPrecision precision = MvmPrecision.bitSerial(4, 8);
        long batch = 3;
        int inputs = 64;
        int outputs = 40;
        CostLedger ledger = forward(MODEL, batch, inputs, outputs, precision, 0.5);

        long activations = batch * 4;
        long active = Math.round(activations * inputs * 0.5);
        double vr2 = 0.25;
        double arrayEnergy = vr2 * (5e-9 * active * outputs * MEAN_CONDUCTANCE_SIEMENS
                + outputs * DEFAULTS.wireCapacitancePerCellFarads() * active);
        CostAccount array = account(ledger, Phase.INFERENCE, CostComponent.ARRAY_READ);
        assertRelativelyEqual(arrayEnergy, array.energyJoules(), "array-read energy");
        assertRelativelyEqual(activations * 16 * 5e-9, array.latencySeconds(), "array-read latency");
        assertEquals(activations, array.operationCount());

        CostAccount adc = account(ledger, Phase.INFERENCE, CostComponent.ADC);
        assertEquals(activations * outputs, adc.operationCount());
        assertRelativelyEqual(activations * outputs * DEFAULTS.adcEnergyPerConversionJoules(8), adc.energyJoules(),
                "adc energy");
        assertRelativelyEqual(activations * 16 * 4.5e-9, adc.latencySeconds(), "adc latency");

        CostAccount dac = account(ledger, Phase.INFERENCE, CostComponent.DAC);
        assertEquals(active, dac.operationCount());
        assertRelativelyEqual(active * DEFAULTS.dacEnergyPerConversionJoules(1), dac.energyJoules(), "dac energy");
        assertRelativelyEqual(activations * 0.5e-9, dac.latencySeconds(), "dac latency");

        CostAccount shiftAdd = account(ledger, Phase.INFERENCE, CostComponent.DIGITAL_ACCUMULATION);
        assertEquals(batch * outputs * 3, shiftAdd.operationCount());
        assertRelativelyEqual(batch * outputs * 3 * 0.1e-12, shiftAdd.energyJoules(), "shift-add energy");
        assertRelativelyEqual(batch * 0.5e-9, shiftAdd.latencySeconds(), "shift-add latency");

        CostAccount periphery = account(ledger, Phase.INFERENCE, CostComponent.PERIPHERY);
        assertEquals(activations, periphery.operationCount());
        assertEquals(0, periphery.energyJoules());
        assertEquals(0, ledger.energyJoules(Phase.TRAINING));
    }

    @Test
    void twiceTheColumnsGiveTwiceTheArrayReadEnergy() {
        MvmPrecision precision = MvmPrecision.parallel(6, 8);
        double single = account(forward(MODEL, 5, 128, 64, precision, 0.7), Phase.INFERENCE,
                CostComponent.ARRAY_READ).energyJoules();
        double twice = account(forward(MODEL, 5, 128, 128, precision, 0.7), Phase.INFERENCE,
                CostComponent.ARRAY_READ).energyJoules();
        assertRelativelyEqual(2 * single, twice, "array-read energy with twice the columns");
    }

    @Test
    void twiceTheAdcSharingGivesTwiceTheAdcLatencyAndTheSameEnergy() {
        MvmPrecision precision = MvmPrecision.parallel(6, 8);
        TileCostModel shared16 = TileCostModel.from(DEFAULTS.withColumnsPerAdc(16));
        TileCostModel shared32 = TileCostModel.from(DEFAULTS.withColumnsPerAdc(32));
        CostAccount adc16 = account(forward(shared16, 5, 128, 128, precision, 1), Phase.INFERENCE,
                CostComponent.ADC);
        CostAccount adc32 = account(forward(shared32, 5, 128, 128, precision, 1), Phase.INFERENCE,
                CostComponent.ADC);
        assertRelativelyEqual(2 * adc16.latencySeconds(), adc32.latencySeconds(), "adc latency");
        assertRelativelyEqual(adc16.energyJoules(), adc32.energyJoules(), "adc energy");
        assertEquals(adc16.operationCount(), adc32.operationCount());
    }

    @Test
    void adcSharingNeverStepsThroughMoreColumnsThanThereAre() {
        assertEquals(16, MODEL.sequentialConversionsPerCycle(102));
        assertEquals(12, MODEL.sequentialConversionsPerCycle(12));
    }

    @Test
    void twiceTheInputBitsInBitSerialModeGiveTwiceTheReadCycles() {
        CostLedger fourBits = forward(MODEL, 7, 100, 50, MvmPrecision.bitSerial(4, 8), 1);
        CostLedger eightBits = forward(MODEL, 7, 100, 50, MvmPrecision.bitSerial(8, 8), 1);
        CostAccount array4 = account(fourBits, Phase.INFERENCE, CostComponent.ARRAY_READ);
        CostAccount array8 = account(eightBits, Phase.INFERENCE, CostComponent.ARRAY_READ);
        assertEquals(2 * array4.operationCount(), array8.operationCount());
        assertRelativelyEqual(2 * array4.latencySeconds(), array8.latencySeconds(), "array-read latency");
        assertRelativelyEqual(2 * account(fourBits, Phase.INFERENCE, CostComponent.ADC).latencySeconds(),
                account(eightBits, Phase.INFERENCE, CostComponent.ADC).latencySeconds(), "adc latency");
        assertEquals(2 * account(fourBits, Phase.INFERENCE, CostComponent.ADC).operationCount(),
                account(eightBits, Phase.INFERENCE, CostComponent.ADC).operationCount());
    }

    @Test
    void ledgerIsAdditiveOverOperationsAndComponents() {
        MvmPrecision precision = MvmPrecision.bitSerial(3, 7);
        ArrayReadActivity first = ArrayReadActivity.uniform(4, 32, 16, precision, 0.25, MEAN_CONDUCTANCE_SIEMENS);
        ArrayReadActivity second = ArrayReadActivity.uniform(6, 32, 16, precision, 0.25, MEAN_CONDUCTANCE_SIEMENS);
        CostLedger separately = new CostLedger();
        MODEL.chargeMvm(separately, Phase.TRAINING, 4, 32, 16, precision, first);
        MODEL.chargeMvm(separately, Phase.TRAINING, 6, 32, 16, precision, second);
        CostLedger together = new CostLedger();
        MODEL.chargeMvm(together, Phase.TRAINING, 10, 32, 16, precision, first.plus(second));
        CostSummary a = separately.summarize(1);
        CostSummary b = together.summarize(1);
        assertEquals(a.entries().size(), b.entries().size());
        for (int i = 0; i < a.entries().size(); i++) {
            CostSummary.Entry x = a.entries().get(i);
            CostSummary.Entry y = b.entries().get(i);
            assertEquals(x.component(), y.component());
            assertRelativelyEqual(x.energyJoules(), y.energyJoules(), x.component() + " energy");
            assertRelativelyEqual(x.latencySeconds(), y.latencySeconds(), x.component() + " latency");
            assertEquals(x.operationCount(), y.operationCount(), x.component() + " operations");
        }
        double componentSum = 0;
        for (CostSummary.Entry entry : a.entries()) {
            componentSum += entry.energyJoules();
        }
        assertRelativelyEqual(componentSum, separately.energyJoules(Phase.TRAINING), "phase total");
    }

    @Test
    void transposedProductSwapsInputAndSensedLines() {
        MvmPrecision precision = MvmPrecision.parallel(1, 8);
        CostLedger forward = new CostLedger();
        MODEL.chargeForwardMvm(forward, Phase.TRAINING, 2, 10, 300, precision,
                ArrayReadActivity.uniform(2, 300, 10, precision, 1, MEAN_CONDUCTANCE_SIEMENS));
        CostLedger transposed = new CostLedger();
        MODEL.chargeTransposedMvm(transposed, Phase.TRAINING, 2, 10, 300, precision,
                ArrayReadActivity.uniform(2, 10, 300, precision, 1, MEAN_CONDUCTANCE_SIEMENS));
        // Forward: 300 inputs, 10 sensed lines; transposed: 10 inputs, 300 sensed lines.
        assertEquals(2 * 10, account(forward, Phase.TRAINING, CostComponent.ADC).operationCount());
        assertEquals(2 * 300, account(transposed, Phase.TRAINING, CostComponent.ADC).operationCount());
        assertEquals(2 * 300, account(forward, Phase.TRAINING, CostComponent.DAC).operationCount());
        assertEquals(2 * 10, account(transposed, Phase.TRAINING, CostComponent.DAC).operationCount());
        // Every cell conducts once either way: the same conduction energy, different line charging.
        double conduction = 0.25 * 5e-9 * 2 * 300 * 10 * MEAN_CONDUCTANCE_SIEMENS;
        double wire = DEFAULTS.wireCapacitancePerCellFarads() * 0.25 * 2 * 300 * 10;
        assertRelativelyEqual(conduction + wire,
                account(forward, Phase.TRAINING, CostComponent.ARRAY_READ).energyJoules(), "forward array");
        assertRelativelyEqual(conduction + wire,
                account(transposed, Phase.TRAINING, CostComponent.ARRAY_READ).energyJoules(), "transposed array");
    }

    @Test
    void idealConvertersAreNotCharged() {
        CostLedger ledger = forward(MODEL, 3, 16, 16, MvmPrecision.parallel(0, 0), 1);
        CostSummary summary = ledger.summarize(1);
        assertFalse(summary.entries().stream().anyMatch(e -> e.component().equals("adc")
                || e.component().equals("dac")));
        assertTrue(account(ledger, Phase.INFERENCE, CostComponent.ARRAY_READ).energyJoules() > 0);
    }

    @Test
    void activityLargerThanTheShapeIsRejected() {
        MvmPrecision precision = MvmPrecision.parallel(1, 8);
        ArrayReadActivity tooMuch = new ArrayReadActivity(11, 11, 1e-6);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> MODEL.chargeMvm(new CostLedger(), Phase.TRAINING, 1, 10, 4, precision, tooMuch));
        assertTrue(error.getMessage().contains("activeLineCycleCount"), error.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> MODEL.chargeMvm(new CostLedger(), Phase.TRAINING, -1, 10, 4, precision, ArrayReadActivity.NONE));
    }

    @Test
    void zeroPulsesGiveZeroWriteEnergy() {
        int rows = 8;
        int columns = 12;
        PulseActivity none = MODEL.pulseActivity(rows, columns, new int[rows * columns], MEAN_CONDUCTANCE_SIEMENS);
        assertEquals(PulseActivity.NONE, none);
        CostLedger ledger = new CostLedger();
        MODEL.chargePulsedUpdate(ledger, Phase.TRAINING, rows, columns, SET, RESET, none);
        CostAccount writes = account(ledger, Phase.TRAINING, CostComponent.WRITE_PULSES);
        assertEquals(0, writes.energyJoules());
        assertEquals(0, writes.latencySeconds());
        assertEquals(0, writes.operationCount());
        assertEquals(0, ledger.energyJoules(Phase.TRAINING));
    }

    @Test
    void pulsedUpdateEnergyIsTheSumOverPulsesOfCellAndLineEnergy() {
        int rows = 3;
        int columns = 4;
        int[] counts = {
            2, 0, -1, 0,
            0, 0, 0, 0,
            -3, 1, 0, 4};
        float[] conductances = new float[rows * columns];
        for (int k = 0; k < conductances.length; k++) {
            conductances[k] = (float) (1e-6 * (k + 1));
        }
        PulseActivity activity = MODEL.pulseActivity(rows, columns, counts, conductances);
        CostLedger ledger = new CostLedger();
        MODEL.chargePulsedUpdate(ledger, Phase.TRAINING, rows, columns, SET, RESET, activity);

        double expected = 0;
        for (int k = 0; k < counts.length; k++) {
            WritePulse pulse = counts[k] > 0 ? SET : RESET;
            expected += Math.abs(counts[k]) * MODEL.writePulseEnergyJoules(pulse, conductances[k], rows);
        }
        CostAccount writes = account(ledger, Phase.TRAINING, CostComponent.WRITE_PULSES);
        assertRelativelyEqual(expected, writes.energyJoules(), "write energy");
        assertEquals(11, writes.operationCount());
        // Row by row, 4 columns on their own drivers' positions (16 per driver): row 0 takes 2 SET + 1 RESET
        // slots, row 2 takes 1 + 4 SET slots and 3 RESET slots.
        assertRelativelyEqual((2 + 1 + 4) * 10e-9 + (1 + 3) * 20e-9, writes.latencySeconds(), "write latency");
        assertEquals(2, account(ledger, Phase.TRAINING, CostComponent.PERIPHERY).operationCount());
    }

    @Test
    void publishedPulseEnergyReplacesTheConductanceTerm() {
        WritePulse published = new WritePulse(3.0, 1e-6, 5e-12);
        assertRelativelyEqual(5e-12 + 9 * 100 * DEFAULTS.wireCapacitancePerCellFarads(),
                MODEL.writePulseEnergyJoules(published, 1e-3, 100), "published energy");
    }

    @Test
    void programmingChargesPulsesAndVerifyReads() {
        int rows = 16;
        int columns = 32;
        int[] counts = new int[rows * columns];
        java.util.Arrays.fill(counts, 1);
        PulseActivity pulses = MODEL.pulseActivity(rows, columns, counts, MEAN_CONDUCTANCE_SIEMENS);
        CostLedger ledger = new CostLedger();
        long verifyReads = 3L * rows;
        MODEL.chargeProgramming(ledger, Phase.PROGRAMMING, rows, columns, SET, RESET, pulses, verifyReads,
                MEAN_CONDUCTANCE_SIEMENS, 8);
        assertEquals(rows * columns, account(ledger, Phase.PROGRAMMING, CostComponent.WRITE_PULSES).operationCount());
        assertEquals(verifyReads * columns, account(ledger, Phase.PROGRAMMING, CostComponent.ADC).operationCount());
        double verifyArrayEnergy = 0.25 * verifyReads * columns
                * (5e-9 * MEAN_CONDUCTANCE_SIEMENS + DEFAULTS.wireCapacitancePerCellFarads());
        assertRelativelyEqual(verifyArrayEnergy,
                account(ledger, Phase.PROGRAMMING, CostComponent.ARRAY_READ).energyJoules(), "verify reads");
        // Periphery: one step per written row plus one activation per verify read.
        assertEquals(rows + verifyReads, account(ledger, Phase.PROGRAMMING, CostComponent.PERIPHERY).operationCount());
    }

    @Test
    void partialSumsAcrossTilesUseAnAdderTree() {
        CostLedger ledger = new CostLedger();
        MODEL.chargePartialSumAccumulation(ledger, Phase.INFERENCE, 10, 256, 5);
        CostAccount digital = account(ledger, Phase.INFERENCE, CostComponent.DIGITAL_ACCUMULATION);
        assertEquals(10L * 256 * 4, digital.operationCount());
        assertRelativelyEqual(10.0 * 256 * 4 * 0.1e-12, digital.energyJoules(), "energy");
        assertRelativelyEqual(10 * 3 * 0.5e-9, digital.latencySeconds(), "three stages for five tiles");

        CostLedger single = new CostLedger();
        MODEL.chargePartialSumAccumulation(single, Phase.INFERENCE, 10, 256, 1);
        assertTrue(single.summarize(1).entries().isEmpty());
    }

    @Test
    void neuroSimConstantsChargeTheFixedReadCircuitEnergy() {
        TileCostModel neuroSim = TileCostModel.from(TechnologyConfig.neuroSimMlpV3());
        MvmPrecision precision = MvmPrecision.parallel(1, 8);
        CostLedger ledger = forward(neuroSim, 1, 400, 102, precision, 0.25);
        CostAccount adc = account(ledger, Phase.INFERENCE, CostComponent.ADC);
        assertRelativelyEqual(102 * 1.346e-12, adc.energyJoules(), "adc energy");
        // NeuroSim: (pulse width + 1 clock) × numColMuxed × numBitInput.
        double latency = account(ledger, Phase.INFERENCE, CostComponent.ARRAY_READ).latencySeconds()
                + adc.latencySeconds();
        assertRelativelyEqual((5e-9 + 0.5e-9) * 16, latency, "read latency");
        assertEquals(0, account(ledger, Phase.INFERENCE, CostComponent.DAC).energyJoules());
    }
}
