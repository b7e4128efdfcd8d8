package org.xbarlab.core.cost;

/**
 * The running energy, latency and operation count of one component in one phase of one {@link CostLedger}.
 *
 * <p>Hot paths fetch the account once ({@link CostLedger#account(Phase, String)}) and then call
 * {@link #charge(double, double, long)} per operation, which neither allocates nor looks anything up. Sums use
 * Kahan compensation because a run charges millions of values spanning many orders of magnitude (femtojoule cell
 * reads beside nanojoule ADC conversions).
 *
 * <p>Not thread-safe: each thread charges its own ledger, and ledgers are merged afterwards
 * ({@link CostLedger#merge(CostLedger)}).
 */
public final class CostAccount {

    private final Phase phase;
    private final String component;
    private double energyJoules;
    private double energyCompensation;
    private double latencySeconds;
    private double latencyCompensation;
    private long operationCount;

    CostAccount(Phase phase, String component) {
        this.phase = phase;
        this.component = component;
    }

    /** Writes the account's sums (with their compensation terms) for a checkpoint. */
    void saveState(org.xbarlab.core.state.StateWriter out) {
        out.writeDouble("energyJoules", energyJoules);
        out.writeDouble("energyCompensation", energyCompensation);
        out.writeDouble("latencySeconds", latencySeconds);
        out.writeDouble("latencyCompensation", latencyCompensation);
        out.writeLong("operationCount", operationCount);
    }

    /** Reads back what {@link #saveState} wrote. */
    void restoreState(org.xbarlab.core.state.StateReader in) {
        energyJoules = in.readDouble("energyJoules");
        energyCompensation = in.readDouble("energyCompensation");
        latencySeconds = in.readDouble("latencySeconds");
        latencyCompensation = in.readDouble("latencyCompensation");
        operationCount = in.readLong("operationCount");
    }

    /** Empties the account (a checkpoint that does not name it). */
    void clear() {
        energyJoules = 0;
        energyCompensation = 0;
        latencySeconds = 0;
        latencyCompensation = 0;
        operationCount = 0;
    }

    /**
     * Adds the cost of one or more operations.
     *
     * @param energyJoules energy spent, finite and non-negative (J)
     * @param latencySeconds time on the critical path that these operations add, finite and non-negative (s)
     * @param operations number of operations charged, non-negative
     * @throws IllegalArgumentException if a value is negative, NaN or infinite
     */
    public void charge(double energyJoules, double latencySeconds, long operations) {
        if (!(energyJoules >= 0 && energyJoules < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "energyJoules charged to %s/%s must be non-negative and finite, got %s J",
                    phase.key(), component, energyJoules));
        }
        if (!(latencySeconds >= 0 && latencySeconds < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "latencySeconds charged to %s/%s must be non-negative and finite, got %s s",
                    phase.key(), component, latencySeconds));
        }
        if (operations < 0) {
            throw new IllegalArgumentException("operations charged to " + phase.key() + "/" + component
                    + " must be non-negative, got " + operations);
        }
        double y = energyJoules - energyCompensation;
        double t = this.energyJoules + y;
        energyCompensation = (t - this.energyJoules) - y;
        this.energyJoules = t;
        double yl = latencySeconds - latencyCompensation;
        double tl = this.latencySeconds + yl;
        latencyCompensation = (tl - this.latencySeconds) - yl;
        this.latencySeconds = tl;
        operationCount += operations;
    }

    /** The phase this account belongs to. */
    public Phase phase() {
        return phase;
    }

    /** The component name, for example {@code "adc"} or {@code "array-read"}. */
    public String component() {
        return component;
    }

    /** Total energy charged so far (J). */
    public double energyJoules() {
        return energyJoules;
    }

    /** Total latency charged so far (s). */
    public double latencySeconds() {
        return latencySeconds;
    }

    /** Total number of operations charged so far. */
    public long operationCount() {
        return operationCount;
    }

    void add(CostAccount other) {
        charge(other.energyJoules, other.latencySeconds, other.operationCount);
    }
}
