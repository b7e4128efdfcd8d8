package org.xbarlab.crossbar;

import java.util.Arrays;

import org.xbarlab.core.Checks;

/**
 * A histogram of device conductances: {@code counts.length} equal bins from {@code lowSiemens} to
 * {@code highSiemens} (the last bin includes its upper edge).
 *
 * @param lowSiemens lower edge of the first bin, in S
 * @param highSiemens upper edge of the last bin, in S, above {@code lowSiemens}
 * @param counts devices per bin
 */
public record ConductanceHistogram(double lowSiemens, double highSiemens, long[] counts) {

    /** Validates the range and copies the counts. */
    public ConductanceHistogram {
        Checks.finite("lowSiemens", lowSiemens);
        Checks.finite("highSiemens", highSiemens);
        Checks.isTrue(highSiemens > lowSiemens, "highSiemens must be above lowSiemens, got %s and %s", highSiemens,
                lowSiemens);
        Checks.notNull("counts", counts);
        Checks.isTrue(counts.length >= 1, "counts needs at least one bin");
        counts = counts.clone();
    }

    /** The counts (a copy). */
    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** The devices counted. */
    public long total() {
        return Arrays.stream(counts).sum();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConductanceHistogram h && h.lowSiemens == lowSiemens && h.highSiemens == highSiemens
                && Arrays.equals(h.counts, counts);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(lowSiemens) + 17 * Double.hashCode(highSiemens) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "ConductanceHistogram[" + lowSiemens + " S .. " + highSiemens + " S, " + counts.length + " bins, "
                + total() + " devices]";
    }
}
