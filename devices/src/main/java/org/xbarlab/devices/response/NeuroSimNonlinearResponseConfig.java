package org.xbarlab.devices.response;

import org.xbarlab.core.Checks;

/**
 * NeuroSim's nonlinear potentiation (LTP) and depression (LTD) curves (MLP+NeuroSim V3.0 {@code RealDevice}, user
 * manual eq. 1-3; neurosim.md section 1.3). Each branch has its own number of levels (pulses from one end of the
 * window to the other) and its own nonlinearity label, turned into a normalized A by {@link NeuroSimNonlinearity}.
 * To apply n pulses the device's position on the branch is found by inverting the branch's curve at the current
 * conductance, moved by {@code n / levels} (LTP up, LTD down, stopping at the ends), and mapped back: non-integer
 * positions are allowed, as in NeuroSim. A positive LTP label saturates toward Gmax; a negative LTD label (as in
 * NeuroSim's presets, e.g. Ag:a-Si 2.4 / -4.88) makes depression steepest near Gmax, i.e. saturating toward Gmin.
 * Up/down asymmetry comes from unequal levels or labels. Device-to-device variation of the labels is the variation's
 * {@code nonlinearityDeviceToDevice} in label units (NeuroSim's {@code sigmaDtoD}); cycle-to-cycle noise is the
 * variation's {@code cycleToCycleWindowFraction} (NeuroSim's {@code sigmaCtoC}: N(0, sigma (Gmax - Gmin)) times
 * sqrt(n) per write of n pulses).
 *
 * @param potentiationLevelCount NeuroSim {@code maxNumLevelLTP}, in [1, 1e6]
 * @param depressionLevelCount NeuroSim {@code maxNumLevelLTD}, in [1, 1e6]
 * @param potentiationNonlinearity NeuroSim {@code NL_LTP} label, in [-9.5, 9.5]
 * @param depressionNonlinearity NeuroSim {@code NL_LTD} label, in [-9.5, 9.5]
 */
public record NeuroSimNonlinearResponseConfig(int potentiationLevelCount, int depressionLevelCount,
                                              double potentiationNonlinearity, double depressionNonlinearity)
        implements PulseResponseConfig {

    /** Validates the fields. */
    public NeuroSimNonlinearResponseConfig {
        Checks.inRange("potentiationLevelCount", potentiationLevelCount, 1,
                (int) ResponseChecks.MAX_STEPS_ACROSS_WINDOW);
        Checks.inRange("depressionLevelCount", depressionLevelCount, 1, (int) ResponseChecks.MAX_STEPS_ACROSS_WINDOW);
        Checks.inClosedRange("potentiationNonlinearity", potentiationNonlinearity,
                -NeuroSimNonlinearity.MAX_LABEL, NeuroSimNonlinearity.MAX_LABEL);
        Checks.inClosedRange("depressionNonlinearity", depressionNonlinearity,
                -NeuroSimNonlinearity.MAX_LABEL, NeuroSimNonlinearity.MAX_LABEL);
    }

    /**
     * NeuroSim's default device, Ag:a-Si: 97 / 100 levels, NL 2.4 / -4.88.
     *
     * @return the defaults
     */
    public static NeuroSimNonlinearResponseConfig defaults() {
        return new NeuroSimNonlinearResponseConfig(97, 100, 2.4, -4.88);
    }

    /**
     * @param potentiation the new LTP label
     * @param depression the new LTD label
     * @return a copy with both labels replaced
     */
    public NeuroSimNonlinearResponseConfig withNonlinearity(double potentiation, double depression) {
        return new NeuroSimNonlinearResponseConfig(potentiationLevelCount, depressionLevelCount, potentiation,
                depression);
    }

    /**
     * @param potentiation the new LTP level count
     * @param depression the new LTD level count
     * @return a copy with both level counts replaced
     */
    public NeuroSimNonlinearResponseConfig withLevelCounts(int potentiation, int depression) {
        return new NeuroSimNonlinearResponseConfig(potentiation, depression, potentiationNonlinearity,
                depressionNonlinearity);
    }

    @Override
    public double nominalStepsAcrossWindow() {
        return Math.max(potentiationLevelCount, depressionLevelCount);
    }
}
