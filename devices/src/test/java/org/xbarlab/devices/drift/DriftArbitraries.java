package org.xbarlab.devices.drift;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.xbarlab.devices.drift.PowerLawDriftConfig.NegativeExponents;

/** jqwik generators of valid drift configs, over the whole allowed range of every field. */
final class DriftArbitraries {

    private DriftArbitraries() {
    }

    /** Doubles in [min, max] at micro resolution (jqwik's decimal generator needs bounds at its scale). */
    static Arbitrary<Double> between(double min, double max) {
        return Arbitraries.integers().between((int) Math.ceil(min * 1e6), (int) Math.floor(max * 1e6))
                .map(k -> k * 1e-6);
    }

    /** Positive doubles spread evenly over the decades between {@code min} and {@code max}. */
    static Arbitrary<Double> logUniform(double min, double max) {
        int low = (int) Math.ceil(Math.log10(min) * 1e6);
        int high = (int) Math.floor(Math.log10(max) * 1e6);
        return Arbitraries.integers().between(low, high)
                .map(e -> Math.min(max, Math.max(min, Math.pow(10, e * 1e-6))));
    }

    static Arbitrary<PowerLawDriftConfig> powerLawConfigs() {
        return Combinators.combine(between(-1, 1), between(0, 1), logUniform(1e-6, 1e6),
                Arbitraries.of(NegativeExponents.class)).as(PowerLawDriftConfig::new);
    }

    /** PCM configs with ordered clips. */
    static Arbitrary<PcmDriftConfig> pcmConfigs() {
        Arbitrary<double[]> means = Combinators.combine(between(0, 1), between(0, 1))
                .as((a, b) -> new double[] {Math.min(a, b), Math.max(a, b)});
        Arbitrary<double[]> sigmas = Combinators.combine(between(0, 1), between(0, 1))
                .as((a, b) -> new double[] {Math.min(a, b), Math.max(a, b)});
        Arbitrary<double[]> lines = Combinators.combine(between(-1, 1), between(-1, 1), between(-1, 1),
                between(-1, 1)).as((a, b, c, d) -> new double[] {a, b, c, d});
        return Combinators.combine(lines, means, sigmas, logUniform(1e-12, 1), between(0, 10),
                logUniform(1e-6, 1e6)).as((l, m, s, floor, scale, t0) -> new PcmDriftConfig(l[0], l[1], m[0], m[1],
                        l[2], l[3], s[0], s[1], floor, scale, t0));
    }

    static Arbitrary<DriftConfig> driftConfigs() {
        return Arbitraries.oneOf(Arbitraries.just(new NoDriftConfig()), powerLawConfigs(), pcmConfigs(),
                Arbitraries.just(PcmDriftConfig.defaults()), Arbitraries.just(PowerLawDriftConfig.defaults()));
    }
}
