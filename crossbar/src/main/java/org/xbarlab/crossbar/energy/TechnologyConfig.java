package org.xbarlab.crossbar.energy;

import org.xbarlab.core.Checks;

/**
 * The circuit and technology constants of the tile energy and latency model (the {@code technology} section of a
 * chip config). All values are SI; every default is documented below with its source, and
 * {@code docs/energy-latency.md} gives the equations they enter.
 *
 * <p><b>Defaults</b> ({@link #defaults()}) follow NeuroSim MLP V3.0's circuit assumptions
 * ({@code ../shared/reference/neurosim.md} section 2, and its {@code Param.cpp} / {@code Cell.cpp}) where NeuroSim
 * states a number, converter energies from Murmann's ADC performance survey, and digital additions from Horowitz
 * (ISSCC 2014):
 * <ul>
 *   <li>{@code technologyNodeLabel = "32nm"}: NeuroSim's {@code processNode = 32} (PTM 32 nm HP);</li>
 *   <li>{@code clockPeriodSeconds = 0.5 ns}: NeuroSim's {@code clkFreq = 2 GHz};</li>
 *   <li>{@code readVoltageVolts = 0.5 V} and {@code readPulseDurationSeconds = 5 ns}: the {@code readVoltage} and
 *       {@code readPulseWidth} of every NeuroSim analog device class (in NeuroSim the pulse width is afterwards
 *       recomputed from its read-circuit model, whose input capacitance is not in our references);</li>
 *   <li>{@code wireCapacitancePerCellFarads = 2.56e-17 F}: NeuroSim's wire capacitance 0.2 fF/µm times one cell
 *       pitch of a 1T1R cell, 4F = 128 nm at F = 32 nm;</li>
 *   <li>{@code dacEnergy} and {@code adcEnergy}: the Schreier-figure-of-merit envelope of Murmann's survey
 *       ({@link SchreierConverterEnergyConfig#murmannSurveyEnvelope()}); for the DAC this is an assumption (no DAC
 *       survey of the same standing is in our references): a DAC costs what the best ADC of the same resolution and
 *       rate costs, which makes a one-bit input driver nearly free beside the line charging counted in the array
 *       read;</li>
 *   <li>{@code dacConversionTimeSeconds = 0.5 ns}: one clock to settle the input drivers;</li>
 *   <li>{@code adcConversionTimeOffsetSeconds = 0.5 ns} and {@code adcConversionTimePerBitSeconds = 0.5 ns}: a
 *       synchronous successive-approximation ADC, one sampling clock plus one comparator decision per bit (the SAR
 *       principle; B. Murmann, IEEE Commun. Mag. 54(4), 2016);</li>
 *   <li>{@code columnsPerAdc = 16}: NeuroSim's {@code numColMuxed};</li>
 *   <li>{@code columnsPerWriteDriver = 16}: NeuroSim's {@code numWriteColMuxed};</li>
 *   <li>{@code writeScheduling = row-by-row}: NeuroSim's weight update (neurosim.md section 1.6);</li>
 *   <li>{@code digitalAddEnergyJoules = 0.1 pJ}: a 32-bit integer addition at 45 nm (M. Horowitz, "Computing's
 *       energy problem", ISSCC 2014);</li>
 *   <li>{@code digitalAddLatencySeconds = 0.5 ns}: one clock per adder stage (assumption: an adder finishes within
 *       NeuroSim's 2 GHz clock);</li>
 *   <li>{@code peripheralEnergyPerOperationJoules = 0} and {@code peripheralLatencyPerOperationSeconds = 0}: not
 *       modelled by default. NeuroSim derives decoder, switch-matrix and multiplexer costs from transistor models,
 *       and no per-operation figure for them is in our references; users with such a figure set it here.</li>
 * </ul>
 *
 * @param technologyNodeLabel free-form name of the technology node, for reports (for example {@code "32nm"}),
 *     non-empty
 * @param clockPeriodSeconds period of the digital clock (s), positive and finite
 * @param readVoltageVolts amplitude of a read pulse on a driven line at full input (V), positive and finite
 * @param readPulseDurationSeconds duration of one read pulse (s), positive and finite; cells conduct for this long
 *     in each input cycle, and the pulse is repeated for each ADC multiplexer position
 * @param wireCapacitancePerCellFarads capacitance of one cell pitch of array wire (F), non-negative and finite
 * @param dacEnergy energy model of one input conversion, not null
 * @param dacConversionTimeSeconds time the input drivers need per input cycle (s), non-negative and finite;
 *     positive when {@code dacEnergy} depends on the rate
 * @param adcEnergy energy model of one output conversion, not null
 * @param adcConversionTimeOffsetSeconds part of an ADC conversion's time that does not depend on the resolution
 *     (s), non-negative and finite
 * @param adcConversionTimePerBitSeconds part of an ADC conversion's time per bit of resolution (s), non-negative
 *     and finite; offset and per-bit time must not both be zero when {@code adcEnergy} depends on the rate
 * @param columnsPerAdc sensed lines that share one ADC through a multiplexer (converted one after the other),
 *     positive
 * @param columnsPerWriteDriver columns that share one write driver (written one after the other), positive
 * @param writeScheduling order of the writes of a pulsed update, not null
 * @param digitalAddEnergyJoules energy of one digital addition of partial sums (J), non-negative and finite
 * @param digitalAddLatencySeconds latency of one adder stage (s), non-negative and finite
 * @param peripheralEnergyPerOperationJoules energy of decoders, switch matrices and control per array activation
 *     (one input cycle of a product, one row write step, one verify read) (J), non-negative and finite
 * @param peripheralLatencyPerOperationSeconds latency the periphery adds per array activation (s), non-negative
 *     and finite
 */
public record TechnologyConfig(String technologyNodeLabel,
                               double clockPeriodSeconds,
                               double readVoltageVolts,
                               double readPulseDurationSeconds,
                               double wireCapacitancePerCellFarads,
                               ConverterEnergyConfig dacEnergy,
                               double dacConversionTimeSeconds,
                               ConverterEnergyConfig adcEnergy,
                               double adcConversionTimeOffsetSeconds,
                               double adcConversionTimePerBitSeconds,
                               int columnsPerAdc,
                               int columnsPerWriteDriver,
                               WriteScheduling writeScheduling,
                               double digitalAddEnergyJoules,
                               double digitalAddLatencySeconds,
                               double peripheralEnergyPerOperationJoules,
                               double peripheralLatencyPerOperationSeconds) {

    /** NeuroSim's process node label (neurosim.md section 2). */
    static final String NEUROSIM_NODE_LABEL = "32nm";
    /** NeuroSim's clock period: {@code clkFreq = 2e9} Hz (neurosim.md section 2). */
    static final double NEUROSIM_CLOCK_PERIOD_SECONDS = 0.5e-9;
    /** NeuroSim's on-chip read voltage of its analog devices, {@code readVoltage} in {@code Cell.cpp} (V). */
    static final double NEUROSIM_READ_VOLTAGE_VOLTS = 0.5;
    /** NeuroSim's device read pulse width, {@code readPulseWidth} in {@code Cell.cpp} (s). */
    static final double NEUROSIM_READ_PULSE_SECONDS = 5e-9;
    /**
     * NeuroSim's wire capacitance, 0.2 fF/µm (neurosim.md section 2), times the 4F pitch of a 1T1R cell at
     * F = 32 nm (0.128 µm): 2.56e-17 F per cell.
     */
    static final double NEUROSIM_WIRE_CAPACITANCE_PER_CELL_FARADS = 0.2e-15 * (4 * 0.032);
    /** NeuroSim's {@code numColMuxed} and {@code numWriteColMuxed} (Param.cpp). */
    static final int NEUROSIM_COLUMNS_MULTIPLEXED = 16;
    /** A 32-bit integer addition at 45 nm: 0.1 pJ (Horowitz, ISSCC 2014). */
    static final double HOROWITZ_32_BIT_ADD_JOULES = 0.1e-12;

    /** Validates every field, naming the field in the message. */
    public TechnologyConfig {
        Checks.notEmpty("technologyNodeLabel", technologyNodeLabel);
        Checks.positiveFinite("clockPeriodSeconds", clockPeriodSeconds);
        Checks.positiveFinite("readVoltageVolts", readVoltageVolts);
        Checks.positiveFinite("readPulseDurationSeconds", readPulseDurationSeconds);
        Checks.nonNegativeFinite("wireCapacitancePerCellFarads", wireCapacitancePerCellFarads);
        Checks.notNull("dacEnergy", dacEnergy);
        Checks.nonNegativeFinite("dacConversionTimeSeconds", dacConversionTimeSeconds);
        Checks.isTrue(!dacEnergy.dependsOnSampleRate() || dacConversionTimeSeconds > 0,
                "dacConversionTimeSeconds must be positive when dacEnergy depends on the sample rate, got %s s",
                Checks.number(dacConversionTimeSeconds));
        Checks.notNull("adcEnergy", adcEnergy);
        Checks.nonNegativeFinite("adcConversionTimeOffsetSeconds", adcConversionTimeOffsetSeconds);
        Checks.nonNegativeFinite("adcConversionTimePerBitSeconds", adcConversionTimePerBitSeconds);
        Checks.isTrue(!adcEnergy.dependsOnSampleRate()
                        || adcConversionTimeOffsetSeconds + adcConversionTimePerBitSeconds > 0,
                "adcConversionTimePerBitSeconds and adcConversionTimeOffsetSeconds must not both be 0 when adcEnergy"
                        + " depends on the sample rate");
        Checks.positive("columnsPerAdc", columnsPerAdc);
        Checks.positive("columnsPerWriteDriver", columnsPerWriteDriver);
        Checks.notNull("writeScheduling", writeScheduling);
        Checks.nonNegativeFinite("digitalAddEnergyJoules", digitalAddEnergyJoules);
        Checks.nonNegativeFinite("digitalAddLatencySeconds", digitalAddLatencySeconds);
        Checks.nonNegativeFinite("peripheralEnergyPerOperationJoules", peripheralEnergyPerOperationJoules);
        Checks.nonNegativeFinite("peripheralLatencyPerOperationSeconds", peripheralLatencyPerOperationSeconds);
    }

    /**
     * The documented defaults (see the class documentation for the source of each value).
     *
     * @return the defaults
     */
    public static TechnologyConfig defaults() {
        return new TechnologyConfig(NEUROSIM_NODE_LABEL,
                NEUROSIM_CLOCK_PERIOD_SECONDS,
                NEUROSIM_READ_VOLTAGE_VOLTS,
                NEUROSIM_READ_PULSE_SECONDS,
                NEUROSIM_WIRE_CAPACITANCE_PER_CELL_FARADS,
                SchreierConverterEnergyConfig.murmannSurveyEnvelope(),
                NEUROSIM_CLOCK_PERIOD_SECONDS,
                SchreierConverterEnergyConfig.murmannSurveyEnvelope(),
                NEUROSIM_CLOCK_PERIOD_SECONDS,
                NEUROSIM_CLOCK_PERIOD_SECONDS,
                NEUROSIM_COLUMNS_MULTIPLEXED,
                NEUROSIM_COLUMNS_MULTIPLEXED,
                WriteScheduling.ROW_BY_ROW,
                HOROWITZ_32_BIT_ADD_JOULES,
                NEUROSIM_CLOCK_PERIOD_SECONDS,
                0,
                0);
    }

    /**
     * NeuroSim MLP V3.0's read-out as stated in neurosim.md section 2, for comparisons with its published figures:
     * the {@link #defaults()} with an integrate-and-fire read circuit costing a fixed 1.346 pJ per conversion and
     * one clock after each read pulse ({@code latency = (pulse width + 1 clock) × numColMuxed × numBitInput}), and
     * no separate DAC (NeuroSim's one-bit inputs are driven by its switch matrices, whose cost is part of the
     * periphery we do not model). NeuroSim's read pulse width, which it derives from its read-circuit model, is
     * left at the device default of 5 ns because that model's input capacitance is not in our references.
     *
     * @return NeuroSim-like constants
     */
    public static TechnologyConfig neuroSimMlpV3() {
        return defaults()
                .withDacEnergy(new FixedConverterEnergyConfig(0))
                .withDacConversionTimeSeconds(0)
                .withAdcEnergy(new FixedConverterEnergyConfig(FixedConverterEnergyConfig.NEUROSIM_READ_CIRCUIT_JOULES))
                .withAdcConversionTimeOffsetSeconds(NEUROSIM_CLOCK_PERIOD_SECONDS)
                .withAdcConversionTimePerBitSeconds(0);
    }

    /**
     * Time of one ADC conversion, {@code adcConversionTimeOffsetSeconds + bits · adcConversionTimePerBitSeconds}.
     *
     * @param resolutionBits ADC resolution, at least 1
     * @return the conversion time (s)
     */
    public double adcConversionTimeSeconds(int resolutionBits) {
        Checks.positive("resolutionBits", resolutionBits);
        return adcConversionTimeOffsetSeconds + resolutionBits * adcConversionTimePerBitSeconds;
    }

    /**
     * Energy of one ADC conversion at the rate set by {@link #adcConversionTimeSeconds(int)}.
     *
     * @param resolutionBits ADC resolution, at least 1
     * @return the energy (J)
     */
    public double adcEnergyPerConversionJoules(int resolutionBits) {
        return adcEnergy.energyPerConversionJoules(resolutionBits,
                1.0 / adcConversionTimeSeconds(resolutionBits));
    }

    /**
     * Energy of one DAC conversion at the rate set by {@code dacConversionTimeSeconds}.
     *
     * @param resolutionBits DAC resolution, at least 1 (1 for a bit-serial input driver)
     * @return the energy (J)
     */
    public double dacEnergyPerConversionJoules(int resolutionBits) {
        return dacEnergy.energyPerConversionJoules(resolutionBits, 1.0 / dacConversionTimeSeconds);
    }

    /**
     * A copy with another {@code technologyNodeLabel}.
     *
     * @param value the new value, validated as in the constructor
     * @return the copy
     */
    public TechnologyConfig withTechnologyNodeLabel(String value) {
        return new TechnologyConfig(value, clockPeriodSeconds, readVoltageVolts, readPulseDurationSeconds,
                wireCapacitancePerCellFarads, dacEnergy, dacConversionTimeSeconds, adcEnergy,
                adcConversionTimeOffsetSeconds, adcConversionTimePerBitSeconds, columnsPerAdc, columnsPerWriteDriver,
                writeScheduling, digitalAddEnergyJoules, digitalAddLatencySeconds, peripheralEnergyPerOperationJoules,
                peripheralLatencyPerOperationSeconds);
    }

    /**
     * A copy with another {@code clockPeriodSeconds}.
     *
     * @param value the new value, validated as in the constructor
     * @return the copy
     */
    public TechnologyConfig withClockPeriodSeconds(double value) {
        return new TechnologyConfig(technologyNodeLabel, value, readVoltageVolts, readPulseDurationSeconds,
                wireCapacitancePerCellFarads, dacEnergy, dacConversionTimeSeconds, adcEnergy,
                adcConversionTimeOffsetSeconds, adcConversionTimePerBitSeconds, columnsPerAdc, columnsPerWriteDriver,
                writeScheduling, digitalAddEnergyJoules, digitalAddLatencySeconds, peripheralEnergyPerOperationJoules,
                peripheralLatencyPerOperationSeconds);
    }

    /**
     * A copy with another {@code readVoltageVolts}.
     *
     * @param value the new value, validated as in the constructor
     * @return the copy
     */
    public TechnologyConfig withReadVoltageVolts(double value) {
        return new TechnologyConfig(technologyNodeLabel, clockPeriodSeconds, value, readPulseDurationSeconds,
                wireCapacitancePerCellFarads, dacEnergy, dacConversionTimeSeconds, adcEnergy,
                adcConversionTimeOffsetSeconds, adcConversionTimePerBitSeconds, columnsPerAdc, columnsPerWriteDriver,
                writeScheduling, digitalAddEnergyJoules, digitalAddLatencySeconds, peripheralEnergyPerOperationJoules,
                peripheralLatencyPerOperationSeconds);
    }

    /**
     * A copy with another {@code readPulseDurationSeconds}.
     *
     * @param value the new value, validated as in the constructor
     * @return the copy
     */
    public TechnologyConfig withReadPulseDurationSeconds(double value) {
        return new TechnologyConfig(technologyNodeLabel, clockPeriodSeconds, readVoltageVolts, value,
                wireCapacitancePerCellFarads, dacEnergy, dacConversionTimeSeconds, adcEnergy,
                adcConversionTimeOffsetSeconds, adcConversionTimePerBitSeconds, columnsPerAdc, columnsPerWriteDriver,
                writeScheduling, digitalAddEnergyJoules, digitalAddLatencySeconds, peripheralEnergyPerOperationJoules,
                peripheralLatencyPerOperationSeconds);
    }

    /**
     * A copy with another {@code wireCapacitancePerCellFarads}.
     *
     * @param value the new value, validated as in the constructor
     * @return the copy
     */
    public TechnologyConfig withWireCapacitancePerCellFarads(double value) {
        return new TechnologyConfig(technologyNodeLabel, clockPeriodSeconds, readVoltageVolts,
                readPulseDurationSeconds, value, dacEnergy, dacConversionTimeSeconds, adcEnergy,
                adcConversionTimeOffsetSeconds, adcConversionTimePerBitSeconds, columnsPerAdc, columnsPerWriteDriver,
                writeScheduling, digitalAddEnergyJoules, digitalAddLatencySeconds, peripheralEnergyPerOperationJoules,
                peripheralLatencyPerOperationSeconds);
    }

    /**
     * A copy with another {@code dacEnergy}.
     *
     * @param value the new value, validated as in the constructor
     * @return the copy
     */
    public TechnologyConfig withDacEnergy(ConverterEnergyConfig value) {
        return new TechnologyConfig(technologyNodeLabel, clockPeriodSeconds, readVoltageVolts,
                readPulseDurationSeconds, wireCapacitancePerCellFarads, value, dacConversionTimeSeconds, adcEnergy,
                adcConversionTimeOffsetSeconds, adcConversionTimePerBitSeconds, columnsPerAdc, columnsPerWriteDriver,
                writeScheduling, digitalAddEnergyJoules, digitalAddLatencySeconds, peripheralEnergyPerOperationJoules,
                peripheralLatencyPerOperationSeconds);
    }

    /**
     * A copy with another {@code dacConversionTimeSeconds}.
     *
     * @param value the new value, validated as in the constructor
     * @return the copy
     */
    public TechnologyConfig withDacConversionTimeSeconds(double value) {
        return new TechnologyConfig(technologyNodeLabel, clockPeriodSeconds, readVoltageVolts,
                readPulseDurationSeconds, wireCapacitancePerCellFarads, dacEnergy, value, adcEnergy,
                adcConversionTimeOffsetSeconds, adcConversionTimePerBitSeconds, columnsPerAdc, columnsPerWriteDriver,
                writeScheduling, digitalAddEnergyJoules, digitalAddLatencySeconds, peripheralEnergyPerOperationJoules,
                peripheralLatencyPerOperationSeconds);
    }

    /**
     * A copy with another {@code adcEnergy}.
     *
     * @param value the new value, validated as in the constructor
     * @return the copy
     */
    public TechnologyConfig withAdcEnergy(ConverterEnergyConfig value) {
        return new TechnologyConfig(technologyNodeLabel, clockPeriodSeconds, readVoltageVolts,
                readPulseDurationSeconds, wireCapacitancePerCellFarads, dacEnergy, dacConversionTimeSeconds, value,
                adcConversionTimeOffsetSeconds, adcConversionTimePerBitSeconds, columnsPerAdc, columnsPerWriteDriver,
                writeScheduling, digitalAddEnergyJoules, digitalAddLatencySeconds, peripheralEnergyPerOperationJoules,
                peripheralLatencyPerOperationSeconds);
    }

    /**
     * A copy with another {@code adcConversionTimeOffsetSeconds}.
     *
     * @param value the new value, validated as in the constructor
     * @return the copy
     */
    public TechnologyConfig withAdcConversionTimeOffsetSeconds(double value) {
        return new TechnologyConfig(technologyNodeLabel, clockPeriodSeconds, readVoltageVolts,
                readPulseDurationSeconds, wireCapacitancePerCellFarads, dacEnergy, dacConversionTimeSeconds,
                adcEnergy, value, adcConversionTimePerBitSeconds, columnsPerAdc, columnsPerWriteDriver,
                writeScheduling, digitalAddEnergyJoules, digitalAddLatencySeconds, peripheralEnergyPerOperationJoules,
                peripheralLatencyPerOperationSeconds);
    }

    /**
     * A copy with another {@code adcConversionTimePerBitSeconds}.
     *
     * @param value the new value, validated as in the constructor
     * @return the copy
     */
    public TechnologyConfig withAdcConversionTimePerBitSeconds(double value) {
        return new TechnologyConfig(technologyNodeLabel, clockPeriodSeconds, readVoltageVolts,
                readPulseDurationSeconds, wireCapacitancePerCellFarads, dacEnergy, dacConversionTimeSeconds,
                adcEnergy, adcConversionTimeOffsetSeconds, value, columnsPerAdc, columnsPerWriteDriver,
                writeScheduling, digitalAddEnergyJoules, digitalAddLatencySeconds, peripheralEnergyPerOperationJoules,
                peripheralLatencyPerOperationSeconds);
    }

    /**
     * A copy with another {@code columnsPerAdc}.
     *
     * @param value the new value, validated as in the constructor
     * @return the copy
     */
    public TechnologyConfig withColumnsPerAdc(int value) {
        return new TechnologyConfig(technologyNodeLabel, clockPeriodSeconds, readVoltageVolts,
                readPulseDurationSeconds, wireCapacitancePerCellFarads, dacEnergy, dacConversionTimeSeconds,
                adcEnergy, adcConversionTimeOffsetSeconds, adcConversionTimePerBitSeconds, value,
                columnsPerWriteDriver, writeScheduling, digitalAddEnergyJoules, digitalAddLatencySeconds,
                peripheralEnergyPerOperationJoules, peripheralLatencyPerOperationSeconds);
    }

    /**
     * A copy with another {@code columnsPerWriteDriver}.
     *
     * @param value the new value, validated as in the constructor
     * @return the copy
     */
    public TechnologyConfig withColumnsPerWriteDriver(int value) {
        return new TechnologyConfig(technologyNodeLabel, clockPeriodSeconds, readVoltageVolts,
                readPulseDurationSeconds, wireCapacitancePerCellFarads, dacEnergy, dacConversionTimeSeconds,
                adcEnergy, adcConversionTimeOffsetSeconds, adcConversionTimePerBitSeconds, columnsPerAdc, value,
                writeScheduling, digitalAddEnergyJoules, digitalAddLatencySeconds, peripheralEnergyPerOperationJoules,
                peripheralLatencyPerOperationSeconds);
    }

    /**
     * A copy with another {@code writeScheduling}.
     *
     * @param value the new value, validated as in the constructor
     * @return the copy
     */
    public TechnologyConfig withWriteScheduling(WriteScheduling value) {
        return new TechnologyConfig(technologyNodeLabel, clockPeriodSeconds, readVoltageVolts,
                readPulseDurationSeconds, wireCapacitancePerCellFarads, dacEnergy, dacConversionTimeSeconds,
                adcEnergy, adcConversionTimeOffsetSeconds, adcConversionTimePerBitSeconds, columnsPerAdc,
                columnsPerWriteDriver, value, digitalAddEnergyJoules, digitalAddLatencySeconds,
                peripheralEnergyPerOperationJoules, peripheralLatencyPerOperationSeconds);
    }

    /**
     * A copy with another {@code digitalAddEnergyJoules}.
     *
     * @param value the new value, validated as in the constructor
     * @return the copy
     */
    public TechnologyConfig withDigitalAddEnergyJoules(double value) {
        return new TechnologyConfig(technologyNodeLabel, clockPeriodSeconds, readVoltageVolts,
                readPulseDurationSeconds, wireCapacitancePerCellFarads, dacEnergy, dacConversionTimeSeconds,
                adcEnergy, adcConversionTimeOffsetSeconds, adcConversionTimePerBitSeconds, columnsPerAdc,
                columnsPerWriteDriver, writeScheduling, value, digitalAddLatencySeconds,
                peripheralEnergyPerOperationJoules, peripheralLatencyPerOperationSeconds);
    }

    /**
     * A copy with another {@code digitalAddLatencySeconds}.
     *
     * @param value the new value, validated as in the constructor
     * @return the copy
     */
    public TechnologyConfig withDigitalAddLatencySeconds(double value) {
        return new TechnologyConfig(technologyNodeLabel, clockPeriodSeconds, readVoltageVolts,
                readPulseDurationSeconds, wireCapacitancePerCellFarads, dacEnergy, dacConversionTimeSeconds,
                adcEnergy, adcConversionTimeOffsetSeconds, adcConversionTimePerBitSeconds, columnsPerAdc,
                columnsPerWriteDriver, writeScheduling, digitalAddEnergyJoules, value,
                peripheralEnergyPerOperationJoules, peripheralLatencyPerOperationSeconds);
    }

    /**
     * A copy with another {@code peripheralEnergyPerOperationJoules}.
     *
     * @param value the new value, validated as in the constructor
     * @return the copy
     */
    public TechnologyConfig withPeripheralEnergyPerOperationJoules(double value) {
        return new TechnologyConfig(technologyNodeLabel, clockPeriodSeconds, readVoltageVolts,
                readPulseDurationSeconds, wireCapacitancePerCellFarads, dacEnergy, dacConversionTimeSeconds,
                adcEnergy, adcConversionTimeOffsetSeconds, adcConversionTimePerBitSeconds, columnsPerAdc,
                columnsPerWriteDriver, writeScheduling, digitalAddEnergyJoules, digitalAddLatencySeconds, value,
                peripheralLatencyPerOperationSeconds);
    }

    /**
     * A copy with another {@code peripheralLatencyPerOperationSeconds}.
     *
     * @param value the new value, validated as in the constructor
     * @return the copy
     */
    public TechnologyConfig withPeripheralLatencyPerOperationSeconds(double value) {
        return new TechnologyConfig(technologyNodeLabel, clockPeriodSeconds, readVoltageVolts,
                readPulseDurationSeconds, wireCapacitancePerCellFarads, dacEnergy, dacConversionTimeSeconds,
                adcEnergy, adcConversionTimeOffsetSeconds, adcConversionTimePerBitSeconds, columnsPerAdc,
                columnsPerWriteDriver, writeScheduling, digitalAddEnergyJoules, digitalAddLatencySeconds,
                peripheralEnergyPerOperationJoules, value);
    }
}
