package org.xbarlab.devices;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.core.Checks;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;
import org.xbarlab.devices.config.DeviceConfig;

/**
 * Small, reproducible experiments on fresh devices, the library side of {@code xbarlab devices pulse-response} and
 * {@code xbarlab devices stats}. Streams: the population is built with indices {@code (0)}; operations use
 * {@code stream(DEVICES_CYCLE, 0)}.
 */
public final class DeviceExperiments {

    private DeviceExperiments() {
    }

    /**
     * Runs C cycles of N potentiation then N depression pulses, one pulse at a time, on D fresh devices (they start
     * at the lower bound of their windows), and records every device's conductance (without read noise) after every
     * pulse.
     *
     * @param config the device, not null
     * @param pulsesPerPhase N, positive
     * @param cycles C, positive
     * @param devices D, positive
     * @param seed root seed
     * @return the trace
     * @throws IllegalArgumentException if the trace would exceed 2^31 - 1 values
     */
    public static PulseResponseTrace pulseResponse(DeviceConfig config, int pulsesPerPhase, int cycles, int devices,
                                                   long seed) {
        Checks.positive("pulsesPerPhase", pulsesPerPhase);
        Checks.positive("cycles", cycles);
        Checks.positive("devices", devices);
        long rows = 2L * cycles * pulsesPerPhase + 1;
        Checks.isTrue(rows * devices < Integer.MAX_VALUE, "pulsesPerPhase x cycles x devices is too large: %s values",
                rows * devices);
        RngStreams streams = RngStreams.of(seed);
        DevicePopulation population = DevicePopulation.create(config, devices, streams, 0);
        UniformRandomProvider random = streams.stream(StreamNames.DEVICES_CYCLE, 0);
        float[] trace = new float[(int) (rows * devices)];
        int[] up = new int[devices];
        int[] down = new int[devices];
        Arrays.fill(up, 1);
        Arrays.fill(down, -1);
        population.conductances(0, devices, trace, 0);
        int row = 1;
        for (int c = 0; c < cycles; c++) {
            for (int phase = 0; phase < 2; phase++) {
                int[] pulses = phase == 0 ? up : down;
                for (int p = 0; p < pulsesPerPhase; p++) {
                    population.applyPulses(pulses, 0, 0, devices, random);
                    population.conductances(0, devices, trace, row * devices);
                    row++;
                }
            }
        }
        return new PulseResponseTrace(pulsesPerPhase, cycles, devices, trace);
    }

    /**
     * Programs N fresh devices once to a target, lets {@code timeSeconds} pass and reads each once (with read
     * noise). {@code timeSeconds = 0} reads right after programming.
     *
     * @param config the device, not null
     * @param targetSiemens target conductance (S), finite and non-negative
     * @param timeSeconds time between programming and read (s), finite and non-negative
     * @param samples N, positive
     * @param seed root seed
     * @return the N reads (S)
     */
    public static float[] programAndRead(DeviceConfig config, double targetSiemens, double timeSeconds, int samples,
                                         long seed) {
        Checks.nonNegativeFinite("targetSiemens", targetSiemens);
        Checks.nonNegativeFinite("timeSeconds", timeSeconds);
        Checks.positive("samples", samples);
        RngStreams streams = RngStreams.of(seed);
        DevicePopulation population = DevicePopulation.create(config, samples, streams, 0);
        UniformRandomProvider random = streams.stream(StreamNames.DEVICES_CYCLE, 0);
        float[] targets = new float[samples];
        Arrays.fill(targets, (float) targetSiemens);
        population.program(targets, 0, 0, samples, random);
        population.advanceTime(timeSeconds, random);
        float[] reads = new float[samples];
        population.read(0, samples, reads, 0, random);
        return reads;
    }

    /**
     * {@link #programAndRead} summarized.
     *
     * @param config the device, not null
     * @param targetSiemens target conductance (S)
     * @param timeSeconds time between programming and read (s)
     * @param samples N, positive
     * @param seed root seed
     * @return mean, standard deviation and percentiles of the reads
     */
    public static ConductanceSummary programAndReadSummary(DeviceConfig config, double targetSiemens,
                                                           double timeSeconds, int samples, long seed) {
        return ConductanceSummary.of(programAndRead(config, targetSiemens, timeSeconds, samples, seed));
    }
}
