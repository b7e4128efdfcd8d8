package org.xbarlab.crossbar.energy;

/**
 * The components of a tile that the energy and latency model charges to the sim-core
 * {@link org.xbarlab.core.cost.CostLedger}, each under a stable lower-case {@link #key() key}. The keys appear in
 * result files and are part of the results format: they never change once published.
 *
 * <p>The split follows the event-count model of NeuroSim (neurosim.md section 2: array, read circuits, switch
 * matrices and decoders, shift-add and adders) with the converters separated out so that designers can see what
 * the ADC costs.
 */
public enum CostComponent {

    /** The analog product in the array: cell conduction {@code V²·G·t} plus charging the driven line wires. */
    ARRAY_READ("array-read"),

    /** Digital-to-analog conversion (or one-bit driving) of the inputs. */
    DAC("dac"),

    /** Analog-to-digital conversion of the sensed lines, including the time lost to ADC sharing. */
    ADC("adc"),

    /** Write pulses of pulsed updates and of direct programming: cell energy and line charging. */
    WRITE_PULSES("write-pulses"),

    /** Digital additions: shift-add of bit-serial partial products and accumulation across tiles. */
    DIGITAL_ACCUMULATION("digital-accumulation"),

    /** Decoders, switch matrices, multiplexers and control, charged per array activation or per written row. */
    PERIPHERY("periphery");

    private final String key;

    CostComponent(String key) {
        this.key = key;
    }

    /**
     * The component name charged to the ledger, for example {@code "array-read"}.
     *
     * @return the stable key
     */
    public String key() {
        return key;
    }
}
