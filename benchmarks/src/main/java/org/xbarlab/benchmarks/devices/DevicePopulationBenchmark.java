package org.xbarlab.benchmarks.devices;

import org.apache.commons.rng.UniformRandomProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.xbarlab.benchmarks.XbarlabBenchmark;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;
import org.xbarlab.devices.DevicePopulation;
import org.xbarlab.devices.presets.DevicePresets;

/**
 * A full pulsed update of a 2000 x 2000 differential array (8 M devices, {@code devices} parameter): every device
 * receives one pulse, alternating potentiation and depression, with the preset's cycle-to-cycle and write noise.
 * Baseline: copying the conductances out (the memory traffic floor).
 */
public class DevicePopulationBenchmark extends XbarlabBenchmark {

    /** Number of devices: 2 x 2000 x 2000. */
    @Param({"8000000"})
    public int devices;

    /** Preset name. */
    @Param({"ideal", "ecram", "reram-hfo2", "ag-a-si"})
    public String preset;

    private DevicePopulation population;
    private int[] pulses;
    private float[] out;
    private UniformRandomProvider random;

    /** Builds the population from a fixed seed. */
    @Setup(Level.Trial)
    public void setUp() {
        RngStreams streams = RngStreams.of(42);
        population = DevicePopulation.create(DevicePresets.load(preset), devices, streams, 0);
        pulses = new int[devices];
        for (int i = 0; i < devices; i++) {
            pulses[i] = (i & 1) == 0 ? 1 : -1;
        }
        out = new float[devices];
        random = streams.stream(StreamNames.DEVICES_CYCLE, 0);
    }

    /**
     * One pulse per device.
     *
     * @return the pulses delivered
     */
    @Benchmark
    public long pulsedUpdate() {
        return population.applyPulses(pulses, 0, 0, devices, random);
    }

    /**
     * Baseline: copy the conductances.
     *
     * @return one element, so the copy is not eliminated
     */
    @Benchmark
    public float copyConductances() {
        population.conductances(0, devices, out, 0);
        return out[devices - 1];
    }
}
