package org.xbarlab.devices.response;

import org.xbarlab.core.Checks;

/** Validation shared by the weight-unit response records. */
final class ResponseChecks {

    /** Largest number of steps across the window: beyond it float conductances cannot resolve one step. */
    static final double MAX_STEPS_ACROSS_WINDOW = 1e6;

    private ResponseChecks() {
    }

    static void weightUnits(double stepSize, double minWeight, double maxWeight, double upDownAsymmetry) {
        Checks.positiveFinite("stepSize", stepSize);
        Checks.inClosedRange("minWeight", minWeight, -1e6, 0);
        Checks.inClosedRange("maxWeight", maxWeight, 0, 1e6);
        Checks.isTrue(minWeight < maxWeight, "maxWeight (%s) must be above minWeight (%s)",
                Checks.number(maxWeight), Checks.number(minWeight));
        Checks.isTrue(stepSize <= maxWeight - minWeight,
                "stepSize (%s) must not exceed the weight range maxWeight - minWeight (%s)",
                Checks.number(stepSize), Checks.number(maxWeight - minWeight));
        Checks.isTrue((maxWeight - minWeight) / stepSize <= MAX_STEPS_ACROSS_WINDOW,
                "stepSize (%s) must give at most %s steps across the weight range, got %s",
                Checks.number(stepSize), Checks.number(MAX_STEPS_ACROSS_WINDOW),
                Checks.number((maxWeight - minWeight) / stepSize));
        Checks.finite("upDownAsymmetry", upDownAsymmetry);
        Checks.isTrue(upDownAsymmetry > -1 && upDownAsymmetry < 1, "upDownAsymmetry must be in (-1, 1), got %s",
                Checks.number(upDownAsymmetry));
    }
}
