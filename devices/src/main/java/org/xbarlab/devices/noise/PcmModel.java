package org.xbarlab.devices.noise;

import org.xbarlab.devices.drift.PcmDriftConfig;

/**
 * Closed forms of aihwkit's statistical PCM model ({@code PCMLikeNoiseModel}, after Nandakumar et al.,
 * "Phase-change memory models for deep learning training and inference", ICECS 2019) per conductance, with
 * aihwkit's default constants, for tests, documentation and summary statistics. The simulation itself uses the
 * config records ({@link PolynomialProgrammingNoiseConfig#defaults()}, {@link PcmReadNoiseConfig#defaults()},
 * {@link PcmDriftConfig#defaults()}), whose instance methods give the same closed forms for other constants.
 *
 * <p>Conductances are in siemens; {@code x = g/gMax}; {@code s} is the time since the end of programming, and the
 * model's absolute time is {@code t = s + t0} with {@code t0 = 20 s}.
 *
 * <p>Thread-safety: stateless.
 */
public final class PcmModel {

    /** aihwkit's default maximum conductance of a PCM device, 25 µS (S). */
    public static final double MAX_CONDUCTANCE_SIEMENS = 25e-6;

    private static final PolynomialProgrammingNoiseConfig PROGRAMMING = PolynomialProgrammingNoiseConfig.defaults();
    private static final PcmReadNoiseConfig READ = PcmReadNoiseConfig.defaults();
    private static final PcmDriftConfig DRIFT = PcmDriftConfig.defaults();

    private PcmModel() {
    }

    /**
     * σ_prog(gT) = (0.26348 + 1.9650 x − 1.1731 x²) µS · gMax/25 µS, {@code x = gT/gMax}: the standard deviation of
     * the programmed conductance around the target.
     *
     * @param targetConductanceSiemens target {@code gT} (S)
     * @param maxConductanceSiemens {@code gMax} (S), positive
     * @return σ_prog (S)
     */
    public static double programmingSigmaSiemens(double targetConductanceSiemens, double maxConductanceSiemens) {
        return PROGRAMMING.sigmaSiemens(targetConductanceSiemens, maxConductanceSiemens);
    }

    /**
     * μν(x) = clip(−0.0155 ln x + 0.0244, 0.049, 0.1), {@code x} floored at 1e-7.
     *
     * @param normalizedConductance {@code x = gT/gMax}
     * @return μν
     */
    public static double meanDriftExponent(double normalizedConductance) {
        return DRIFT.meanExponent(normalizedConductance);
    }

    /**
     * σν(x) = clip(−0.0125 ln x − 0.0059, 0.008, 0.045), {@code x} floored at 1e-7.
     *
     * @param normalizedConductance {@code x = gT/gMax}
     * @return σν
     */
    public static double driftExponentSigma(double normalizedConductance) {
        return DRIFT.exponentSigma(normalizedConductance);
    }

    /**
     * {@code E[ν] = E|μν + σν ξ|} (the mean of the folded normal, by numerical integration).
     *
     * @param normalizedConductance {@code x = gT/gMax}
     * @return {@code E[ν]}
     */
    public static double expectedDriftExponent(double normalizedConductance) {
        return DRIFT.expectedExponent(normalizedConductance);
    }

    /**
     * {@code E[(t/t0)^(−ν)]}, {@code t = s + t0}: the expected ratio of drifted to programmed conductance, by
     * numerical integration over the distribution of ν.
     *
     * @param normalizedConductance {@code x = gT/gMax}
     * @param secondsSinceProgramming {@code s} (s), {@code >= 0}
     * @return the mean drift factor, in (0, 1]
     */
    public static double meanDriftFactor(double normalizedConductance, double secondsSinceProgramming) {
        return DRIFT.meanDriftFactor(normalizedConductance, secondsSinceProgramming);
    }

    /**
     * Q_s(gProg) = min(0.0088 / max((gProg/gMax)^0.65, 1e-3), 0.2): the relative 1/f read-noise amplitude.
     *
     * @param programmedConductanceSiemens conductance right after programming (S)
     * @param maxConductanceSiemens {@code gMax} (S), positive
     * @return Q_s
     */
    public static double readNoiseAmplitudeRelative(double programmedConductanceSiemens,
                                                    double maxConductanceSiemens) {
        return READ.amplitudeRelative(programmedConductanceSiemens, maxConductanceSiemens);
    }

    /**
     * √ln((t + t_read)/(2 t_read)) with {@code t = s + 20 s} and {@code t_read = 250 ns}: 4.18 at {@code s = 0},
     * 5.64 at one year.
     *
     * @param secondsSinceProgramming {@code s} (s), {@code >= 0}
     * @return the time factor of the read noise
     */
    public static double readNoiseTimeFactor(double secondsSinceProgramming) {
        return READ.timeFactor(secondsSinceProgramming);
    }

    /**
     * σ_read / |g| = Q_s(gProg) · √ln((t + t_read)/(2 t_read)): the standard deviation of a read relative to the
     * (drifted) conductance read.
     *
     * @param programmedConductanceSiemens conductance right after programming (S)
     * @param maxConductanceSiemens {@code gMax} (S), positive
     * @param secondsSinceProgramming {@code s} (s), {@code >= 0}
     * @return the relative read-noise sigma
     */
    public static double readNoiseRelativeSigma(double programmedConductanceSiemens, double maxConductanceSiemens,
                                                double secondsSinceProgramming) {
        return READ.relativeSigma(programmedConductanceSiemens, maxConductanceSiemens, secondsSinceProgramming);
    }
}
