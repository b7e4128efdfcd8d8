package org.xbarlab.core.cost;

import java.util.List;

/**
 * Immutable snapshot of a {@link CostLedger}: one entry per phase and component, the totals, and the totals per
 * sample. This is the form written to result files.
 *
 * @param entries the accounts, sorted by phase then component
 * @param totalEnergyJoules sum of all entries' energy (J)
 * @param totalLatencySeconds sum of all entries' latency (s)
 * @param samples number of samples the costs were spent on (positive)
 * @param energyPerSampleJoules {@code totalEnergyJoules / samples} (J)
 * @param latencyPerSampleSeconds {@code totalLatencySeconds / samples} (s)
 */
public record CostSummary(List<Entry> entries, double totalEnergyJoules, double totalLatencySeconds, long samples,
                          double energyPerSampleJoules, double latencyPerSampleSeconds) {

    /**
     * The cost of one component in one phase.
     *
     * @param phase phase key, for example {@code "training"}
     * @param component component name
     * @param energyJoules energy (J)
     * @param latencySeconds latency (s)
     * @param operationCount operations charged
     */
    public record Entry(String phase, String component, double energyJoules, double latencySeconds,
                        long operationCount) {
    }

    /** Validates and copies the entries. */
    public CostSummary {
        entries = List.copyOf(entries);
        if (samples <= 0) {
            throw new IllegalArgumentException("samples must be positive, got " + samples);
        }
    }

    static CostSummary of(List<Entry> entries, long samples) {
        if (samples <= 0) {
            throw new IllegalArgumentException("samples must be positive, got " + samples);
        }
        double energy = 0;
        double latency = 0;
        for (Entry entry : entries) {
            energy += entry.energyJoules();
            latency += entry.latencySeconds();
        }
        return new CostSummary(entries, energy, latency, samples, energy / samples, latency / samples);
    }
}
