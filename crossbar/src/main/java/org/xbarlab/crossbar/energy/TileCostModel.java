package org.xbarlab.crossbar.energy;

import java.util.Objects;

import org.xbarlab.core.Checks;
import org.xbarlab.core.cost.CostLedger;
import org.xbarlab.core.cost.Phase;

/**
 * Energy and latency of tile operations, charged to a {@link CostLedger} by {@link CostComponent} and
 * {@link Phase}. Every method is a pure function of the operation's shape and activity and of the
 * {@link TechnologyConfig}: it computes the costs and adds them to the ledger it is given, nothing else. The
 * equations are those of {@code docs/energy-latency.md}; they follow NeuroSim's event-count structure
 * (neurosim.md section 2) with converter energies from figures of merit.
 *
 * <p><b>Analog product</b> ({@link #chargeMvm}), for a batch of {@code B} samples, {@code N_in} driven input lines,
 * {@code N_out} sensed output lines, {@code C} input cycles (1, or the magnitude bits when bit-serial),
 * {@code S = min(columnsPerAdc, N_out)} sequential conversions per ADC and cycle, and the
 * {@link ArrayReadActivity} sums {@code A} (active line-cycles), {@code U = Σu²} and {@code Γ = Σu²·G_line}:
 * <pre>
 *   array-read  E = V_r²·(t_read·Γ + N_out·C_cell·U)         L = B·C·S·t_read
 *   dac         E = A·E_dac(b_dac)                            L = B·C·t_dac
 *   adc         E = B·C·N_out·E_adc(b_adc)                    L = B·C·S·t_adc(b_adc)
 *   digital     E = B·N_out·(C − 1)·E_add  (shift-add)        L = B·t_add  (if C &gt; 1)
 *   periphery   E = B·C·E_periph                              L = B·C·t_periph
 * </pre>
 * Each cell conducts once per cycle, while its multiplexer position is converted, so the array energy does not
 * depend on ADC sharing; the read pulse is repeated for each of the {@code S} positions (NeuroSim's read latency
 * {@code (pulse width + 1 clock) × numColMuxed × numBitInput}). Samples are processed one after the other. The
 * shift-add of a cycle overlaps the next cycle's conversions, so only the last addition is on the critical path.
 *
 * <p><b>Writes</b> ({@link #chargePulsedUpdate}): per pulse of amplitude {@code V} and width {@code t} on a cell of
 * conductance {@code G}, {@code E = V²·G·t + V²·N_rows·C_cell} (NeuroSim's 1T1R write energy: the cell plus charging
 * the pulsed column line, neurosim.md section 2); latency {@code slots·t} from the {@link PulseActivity}'s
 * schedule; one periphery operation per write step.
 *
 * <p>Counts of lines are physical lines: a differential pair has two lines per weight, an offset scheme adds its
 * reference lines. ADC sharing applies to whichever lines are sensed, in both directions.
 *
 * <p>Thread-safety: immutable; the methods may be called concurrently, each thread charging its own ledger.
 */
public final class TileCostModel {

    private final TechnologyConfig technology;
    private final double readVoltageSquared;

    /**
     * A model for one technology.
     *
     * @param technology the constants, not null
     */
    public TileCostModel(TechnologyConfig technology) {
        this.technology = Objects.requireNonNull(technology, "technology");
        this.readVoltageSquared = technology.readVoltageVolts() * technology.readVoltageVolts();
    }

    /**
     * A model for one technology.
     *
     * @param technology the constants, not null
     * @return the model
     */
    public static TileCostModel from(TechnologyConfig technology) {
        return new TileCostModel(technology);
    }

    /**
     * The constants of this model.
     *
     * @return the technology config
     */
    public TechnologyConfig technology() {
        return technology;
    }

    // ---------------------------------------------------------------------------------------------------------
    // unit costs

    /**
     * Sequential conversions each ADC performs per input cycle: {@code min(columnsPerAdc, outputLineCount)}.
     *
     * @param outputLineCount sensed lines, positive
     * @return the number of multiplexer positions stepped through
     */
    public int sequentialConversionsPerCycle(int outputLineCount) {
        Checks.positive("outputLineCount", outputLineCount);
        return Math.min(technology.columnsPerAdc(), outputLineCount);
    }

    /**
     * Energy of one write pulse on one cell, including charging the pulsed line: {@code E_cell + V²·N·C_cell}.
     *
     * @param pulse the pulse, not null
     * @param conductanceSiemens the cell's conductance during the pulse (S), non-negative and finite
     * @param pulsedLineCellCount cells on the pulsed line (the rows of the array for a column line), positive
     * @return the energy (J)
     */
    public double writePulseEnergyJoules(WritePulse pulse, double conductanceSiemens, int pulsedLineCellCount) {
        Checks.notNull("pulse", pulse);
        Checks.nonNegativeFinite("conductanceSiemens", conductanceSiemens);
        Checks.positive("pulsedLineCellCount", pulsedLineCellCount);
        return pulse.cellEnergyJoules(conductanceSiemens) + lineChargingEnergy(pulse, pulsedLineCellCount);
    }

    // ---------------------------------------------------------------------------------------------------------
    // analog products

    /**
     * Charges a batch of analog products: {@code inputLineCount} lines driven, {@code outputLineCount} lines
     * sensed and converted. See the class documentation for the equations.
     *
     * @param ledger the ledger to charge, not null
     * @param phase the phase to charge, not null
     * @param batch samples in the batch, non-negative
     * @param inputLineCount driven lines, positive
     * @param outputLineCount sensed lines, positive
     * @param precision conversion settings, not null
     * @param activity how the inputs drove the lines, not null; its {@code activeLineCycleCount} cannot exceed
     *     {@code batch · inputCycleCount · inputLineCount}
     * @throws IllegalArgumentException if an argument is out of range
     */
    public void chargeMvm(CostLedger ledger, Phase phase, long batch, int inputLineCount, int outputLineCount,
                          MvmPrecision precision, ArrayReadActivity activity) {
        Checks.notNull("ledger", ledger);
        Checks.notNull("phase", phase);
        Checks.nonNegative("batch", batch);
        Checks.positive("inputLineCount", inputLineCount);
        Checks.positive("outputLineCount", outputLineCount);
        Checks.notNull("precision", precision);
        Checks.notNull("activity", activity);
        int cycles = precision.inputCycleCount();
        long activations = Math.multiplyExact(batch, (long) cycles);
        long lineCycles = Math.multiplyExact(activations, (long) inputLineCount);
        Checks.isTrue(activity.activeLineCycleCount() <= lineCycles,
                "activity.activeLineCycleCount (%d) exceeds batch × inputCycleCount × inputLineCount (%d)",
                activity.activeLineCycleCount(), lineCycles);
        int steps = sequentialConversionsPerCycle(outputLineCount);

        double arrayEnergy = readVoltageSquared * (technology.readPulseDurationSeconds()
                * activity.driveSquaredConductanceSumSiemens()
                + outputLineCount * technology.wireCapacitancePerCellFarads() * activity.driveSquaredSum());
        double arrayLatency = (double) activations * steps * technology.readPulseDurationSeconds();
        ledger.charge(phase, CostComponent.ARRAY_READ.key(), arrayEnergy, arrayLatency, activations);

        if (precision.dacResolutionBits() > 0) {
            long conversions = activity.activeLineCycleCount();
            double energy = conversions == 0 ? 0
                    : conversions * technology.dacEnergyPerConversionJoules(precision.dacResolutionBits());
            ledger.charge(phase, CostComponent.DAC.key(), energy,
                    (double) activations * technology.dacConversionTimeSeconds(), conversions);
        }

        if (precision.adcResolutionBits() > 0) {
            long conversions = Math.multiplyExact(activations, (long) outputLineCount);
            int bits = precision.adcResolutionBits();
            double energy = conversions == 0 ? 0 : conversions * technology.adcEnergyPerConversionJoules(bits);
            ledger.charge(phase, CostComponent.ADC.key(), energy,
                    (double) activations * steps * technology.adcConversionTimeSeconds(bits), conversions);
        }

        if (cycles > 1) {
            long additions = Math.multiplyExact(Math.multiplyExact(batch, (long) outputLineCount), cycles - 1L);
            chargeDigitalAdditions(ledger, phase, additions, batch);
        }

        chargePeriphery(ledger, phase, activations);
    }

    /**
     * Charges a batch of forward products {@code y = W·x} of a weight matrix with {@code weightRows} outputs and
     * {@code weightColumns} inputs (the {@code org.xbarlab.crossbar.Crossbar} convention): the input lines are the
     * weight columns and the sensed lines the weight rows. Counts are physical lines (see the class
     * documentation).
     *
     * @param ledger the ledger to charge, not null
     * @param phase the phase to charge, not null
     * @param batch samples, non-negative
     * @param weightRows output lines, positive
     * @param weightColumns input lines, positive
     * @param precision conversion settings, not null
     * @param activity the activity over the {@code weightColumns} input lines (line sums from
     *     {@link ArrayReadActivity#columnSums}), not null
     */
    public void chargeForwardMvm(CostLedger ledger, Phase phase, long batch, int weightRows, int weightColumns,
                                 MvmPrecision precision, ArrayReadActivity activity) {
        chargeMvm(ledger, phase, batch, weightColumns, weightRows, precision, activity);
    }

    /**
     * Charges a batch of transposed products {@code z = Wᵀ·d}: the input lines are the weight rows and the sensed
     * lines the weight columns.
     *
     * @param ledger the ledger to charge, not null
     * @param phase the phase to charge, not null
     * @param batch samples, non-negative
     * @param weightRows input lines of the transposed product, positive
     * @param weightColumns sensed lines of the transposed product, positive
     * @param precision conversion settings, not null
     * @param activity the activity over the {@code weightRows} input lines (line sums from
     *     {@link ArrayReadActivity#rowSums}), not null
     */
    public void chargeTransposedMvm(CostLedger ledger, Phase phase, long batch, int weightRows, int weightColumns,
                                    MvmPrecision precision, ArrayReadActivity activity) {
        chargeMvm(ledger, phase, batch, weightRows, weightColumns, precision, activity);
    }

    // ---------------------------------------------------------------------------------------------------------
    // writes

    /**
     * Schedules the pulse counts of a list of cells with this technology's write scheduling; see
     * {@link PulseActivity#fromListedPulseCounts}.
     *
     * @param rows rows of the matrix, positive
     * @param columns columns of the matrix, positive
     * @param signedPulseCounts row-major signed pulse counts; read only
     * @param cells the pulsed cells, ascending; read only
     * @param cellCount entries of {@code cells} used
     * @param negate whether every count is negated (the partner array of a differential pair)
     * @param conductancesSiemens conductance of cell {@code cells[t]} at index {@code t} (S); read only
     * @return the scheduled activity
     */
    public PulseActivity pulseActivity(int rows, int columns, int[] signedPulseCounts, int[] cells, int cellCount,
                                       boolean negate, float[] conductancesSiemens) {
        return PulseActivity.fromListedPulseCounts(rows, columns, signedPulseCounts, cells, cellCount, negate,
                conductancesSiemens, technology.writeScheduling(), technology.columnsPerWriteDriver());
    }

    /**
     * Schedules per-cell pulse counts with this technology's {@link TechnologyConfig#writeScheduling()} and
     * {@link TechnologyConfig#columnsPerWriteDriver()}; see
     * {@link PulseActivity#fromPulseCounts(int, int, int[], float[], WriteScheduling, int)}.
     *
     * @param rows rows of the matrix (selected one at a time when row-by-row), positive
     * @param columns columns of the matrix (sharing write drivers), positive
     * @param signedPulseCounts row-major signed pulse counts; read only
     * @param conductancesSiemens row-major conductances of the cells during their pulses (S); read only
     * @return the scheduled activity
     */
    public PulseActivity pulseActivity(int rows, int columns, int[] signedPulseCounts, float[] conductancesSiemens) {
        return PulseActivity.fromPulseCounts(rows, columns, signedPulseCounts, conductancesSiemens,
                technology.writeScheduling(), technology.columnsPerWriteDriver());
    }

    /**
     * Schedules per-cell pulse counts, every pulsed cell at one mean conductance; see
     * {@link #pulseActivity(int, int, int[], float[])}.
     *
     * @param rows rows of the matrix, positive
     * @param columns columns of the matrix, positive
     * @param signedPulseCounts row-major signed pulse counts; read only
     * @param meanConductanceSiemens conductance of the pulsed cells (S), non-negative and finite
     * @return the scheduled activity
     */
    public PulseActivity pulseActivity(int rows, int columns, int[] signedPulseCounts,
                                       double meanConductanceSiemens) {
        return PulseActivity.fromPulseCounts(rows, columns, signedPulseCounts, meanConductanceSiemens,
                technology.writeScheduling(), technology.columnsPerWriteDriver());
    }

    /**
     * Charges the write pulses of a pulsed (outer-product) update.
     *
     * <pre>
     *   write-pulses  E = Σ_polarity [V²·t·ΣG (or n·E_published) + n·V²·rows·C_cell]   L = Σ_polarity slots·t
     *   periphery     E = steps·E_periph                                              L = steps·t_periph
     * </pre>
     *
     * @param ledger the ledger to charge, not null
     * @param phase the phase to charge (normally {@link Phase#TRAINING}), not null
     * @param rows cells on each pulsed column line (the rows of the pulse-count matrix), positive
     * @param columns columns of the pulse-count matrix, positive (validated only)
     * @param potentiation the device's potentiation pulse, not null
     * @param depression the device's depression pulse, not null
     * @param activity the pulses and their schedule, not null
     */
    public void chargePulsedUpdate(CostLedger ledger, Phase phase, int rows, int columns, WritePulse potentiation,
                                   WritePulse depression, PulseActivity activity) {
        Checks.notNull("ledger", ledger);
        Checks.notNull("phase", phase);
        Checks.positive("rows", rows);
        Checks.positive("columns", columns);
        Checks.notNull("potentiation", potentiation);
        Checks.notNull("depression", depression);
        Checks.notNull("activity", activity);
        double energy = polarityEnergy(potentiation, activity.potentiationPulseCount(),
                activity.potentiationConductanceSumSiemens(), rows)
                + polarityEnergy(depression, activity.depressionPulseCount(),
                activity.depressionConductanceSumSiemens(), rows);
        double latency = activity.potentiationSlotCount() * potentiation.durationSeconds()
                + activity.depressionSlotCount() * depression.durationSeconds();
        ledger.charge(phase, CostComponent.WRITE_PULSES.key(), energy, latency, activity.totalPulseCount());
        chargePeriphery(ledger, phase, activity.writeStepCount());
    }

    /**
     * Charges direct programming (one-shot or write-verify): the programming pulses as in
     * {@link #chargePulsedUpdate}, plus {@code verifyReadCount} verify reads, each driving one row at the read
     * voltage (one-bit input) and converting all {@code columns} sensed lines, charged as a product of batch
     * {@code verifyReadCount} with every cell at {@code meanConductanceSiemens}.
     *
     * @param ledger the ledger to charge, not null
     * @param phase the phase to charge (normally {@link Phase#PROGRAMMING}), not null
     * @param rows rows of the array (cells per column line), positive
     * @param columns columns of the array (sensed by each verify read), positive
     * @param potentiation the device's potentiation (SET) pulse, not null
     * @param depression the device's depression (RESET) pulse, not null
     * @param pulses all programming pulses over all iterations, scheduled, not null
     * @param verifyReadCount single-row verify reads over all iterations, non-negative; 0 for one-shot programming
     * @param meanConductanceSiemens conductance of the cells during verify reads (S), non-negative and finite
     * @param adcResolutionBits resolution of the verify conversions, 0 (ideal, not charged) or more
     */
    public void chargeProgramming(CostLedger ledger, Phase phase, int rows, int columns, WritePulse potentiation,
                                  WritePulse depression, PulseActivity pulses, long verifyReadCount,
                                  double meanConductanceSiemens, int adcResolutionBits) {
        Checks.nonNegative("verifyReadCount", verifyReadCount);
        Checks.nonNegativeFinite("meanConductanceSiemens", meanConductanceSiemens);
        MvmPrecision verifyPrecision = MvmPrecision.parallel(1, adcResolutionBits);
        chargePulsedUpdate(ledger, phase, rows, columns, potentiation, depression, pulses);
        if (verifyReadCount > 0) {
            ArrayReadActivity oneRowPerRead = new ArrayReadActivity(verifyReadCount, verifyReadCount,
                    (double) verifyReadCount * columns * meanConductanceSiemens);
            chargeMvm(ledger, phase, verifyReadCount, rows, columns, verifyPrecision, oneRowPerRead);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // digital accumulation

    /**
     * Charges the digital accumulation of partial sums of a matrix split over {@code tileCount} tiles along its
     * inputs: {@code B·N_out·(T − 1)} additions through one adder tree per output, {@code ⌈log2 T⌉} stages deep,
     * samples one after the other ({@code L = B·⌈log2 T⌉·t_add}). Nothing is charged for one tile.
     *
     * @param ledger the ledger to charge, not null
     * @param phase the phase to charge, not null
     * @param batch samples, non-negative
     * @param outputCount outputs accumulated per sample, positive
     * @param tileCount tiles whose partial sums are added, positive
     */
    public void chargePartialSumAccumulation(CostLedger ledger, Phase phase, long batch, int outputCount,
                                             int tileCount) {
        Checks.notNull("ledger", ledger);
        Checks.notNull("phase", phase);
        Checks.nonNegative("batch", batch);
        Checks.positive("outputCount", outputCount);
        Checks.positive("tileCount", tileCount);
        if (tileCount == 1) {
            return;
        }
        long additions = Math.multiplyExact(Math.multiplyExact(batch, (long) outputCount), tileCount - 1L);
        int depth = 32 - Integer.numberOfLeadingZeros(tileCount - 1);
        chargeDigitalAdditions(ledger, phase, additions, Math.multiplyExact(batch, (long) depth));
    }

    /**
     * Charges digital additions (for example a reference-column subtraction):
     * {@code E = additionCount·E_add}, {@code L = criticalPathAdditionCount·t_add}.
     *
     * @param ledger the ledger to charge, not null
     * @param phase the phase to charge, not null
     * @param additionCount additions performed, non-negative
     * @param criticalPathAdditionCount additions in sequence on the critical path, non-negative
     */
    public void chargeDigitalAdditions(CostLedger ledger, Phase phase, long additionCount,
                                       long criticalPathAdditionCount) {
        Checks.notNull("ledger", ledger);
        Checks.notNull("phase", phase);
        Checks.nonNegative("additionCount", additionCount);
        Checks.nonNegative("criticalPathAdditionCount", criticalPathAdditionCount);
        ledger.charge(phase, CostComponent.DIGITAL_ACCUMULATION.key(),
                additionCount * technology.digitalAddEnergyJoules(),
                criticalPathAdditionCount * technology.digitalAddLatencySeconds(), additionCount);
    }

    // ---------------------------------------------------------------------------------------------------------

    private void chargePeriphery(CostLedger ledger, Phase phase, long operations) {
        ledger.charge(phase, CostComponent.PERIPHERY.key(),
                operations * technology.peripheralEnergyPerOperationJoules(),
                operations * technology.peripheralLatencyPerOperationSeconds(), operations);
    }

    private double lineChargingEnergy(WritePulse pulse, int pulsedLineCellCount) {
        return pulse.amplitudeVolts() * pulse.amplitudeVolts() * pulsedLineCellCount
                * technology.wireCapacitancePerCellFarads();
    }

    private double polarityEnergy(WritePulse pulse, long pulseCount, double conductanceSumSiemens, int rows) {
        if (pulseCount == 0) {
            return 0;
        }
        double cellEnergy = pulse.publishedCellEnergyJoules() > 0
                ? pulseCount * pulse.publishedCellEnergyJoules()
                : pulse.amplitudeVolts() * pulse.amplitudeVolts() * pulse.durationSeconds() * conductanceSumSiemens;
        return cellEnergy + pulseCount * lineChargingEnergy(pulse, rows);
    }
}
