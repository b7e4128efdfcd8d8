package org.xbarlab.devices.internal;

import java.util.Objects;

import org.xbarlab.core.Checks;

/** Argument checks shared by the bulk operations of the noise and drift packages (not API). */
public final class BulkArguments {

    private BulkArguments() {
    }

    /** Checks that {@code [offset, offset + count)} lies inside a non-null {@code array} named {@code name}. */
    public static void range(String name, float[] array, int offset, int count) {
        Objects.requireNonNull(array, () -> name + " must not be null");
        Objects.checkFromIndexSize(offset, count, array.length);
    }

    /** Checks that {@code scratch} is non-null and holds at least {@code count} elements. */
    public static void scratch(float[] scratch, int count) {
        Objects.requireNonNull(scratch, "scratch must not be null");
        if (scratch.length < count) {
            throw new IllegalArgumentException("scratch must hold at least count = " + count
                    + " elements, has " + scratch.length);
        }
    }

    /** Checks a time since programming: finite and {@code >= 0}. */
    public static double time(double secondsSinceProgramming) {
        return Checks.nonNegativeFinite("secondsSinceProgramming", secondsSinceProgramming);
    }

    /** Checks the maximum conductance a model is built for. */
    public static double maxConductance(double maxConductanceSiemens) {
        return Checks.positiveFinite("maxConductanceSiemens", maxConductanceSiemens);
    }
}
