package org.xbarlab.devices.noise;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators of valid noise configs, over the whole allowed range of every field. */
final class NoiseArbitraries {

    private NoiseArbitraries() {
    }

    /** Positive doubles spread evenly over the decades between {@code min} and {@code max}. */
    static Arbitrary<Double> logUniform(double min, double max) {
        // Exponents in micro-decades; jqwik's decimal generator cannot take bounds that are not at its scale.
        int low = (int) Math.ceil(Math.log10(min) * 1e6);
        int high = (int) Math.floor(Math.log10(max) * 1e6);
        return Arbitraries.integers().between(low, high)
                .map(e -> Math.min(max, Math.max(min, Math.pow(10, e * 1e-6))));
    }

    /** Non-negative finite doubles up to {@code max}, with zero, {@code max} and tiny values represented. */
    static Arbitrary<Double> nonNegative(double max) {
        return Arbitraries.oneOf(Arbitraries.just(0.0), Arbitraries.just(max), logUniform(max * 1e-9, max));
    }

    /** Doubles of either sign with magnitudes up to {@code max}. */
    static Arbitrary<Double> signed(double max) {
        return Arbitraries.oneOf(nonNegative(max), nonNegative(max).map(v -> -v));
    }

    static Arbitrary<ReadNoiseConfig> readNoiseConfigs() {
        Arbitrary<ReadNoiseConfig> gaussian = Combinators.combine(nonNegative(5e-6), nonNegative(0.5))
                .as(GaussianReadNoiseConfig::new);
        Arbitrary<Double> readTime = logUniform(1e-9, 1e-3);
        Arbitrary<ReadNoiseConfig> pcm = Combinators.combine(nonNegative(0.05), nonNegative(10),
                logUniform(1e-6, 1), nonNegative(1), readTime, logUniform(1e-3, 1e4), nonNegative(5))
                .as(PcmReadNoiseConfig::new);
        return Arbitraries.oneOf(Arbitraries.just(new NoReadNoiseConfig()), gaussian, pcm,
                Arbitraries.just(PcmReadNoiseConfig.defaults()));
    }

    static Arbitrary<ProgrammingNoiseConfig> programmingNoiseConfigs() {
        Arbitrary<ProgrammingNoiseConfig> gaussian = Combinators.combine(nonNegative(5e-6), nonNegative(0.5))
                .as(GaussianProgrammingNoiseConfig::new);
        Arbitrary<List<Double>> coefficients = signed(3e-6).list().ofMinSize(1).ofMaxSize(PolynomialProgrammingNoiseConfig.MAX_COEFFICIENT_COUNT);
        Arbitrary<ProgrammingNoiseConfig> polynomial = Combinators.combine(coefficients,
                logUniform(1e-7, 1e-3), nonNegative(5))
                .as(PolynomialProgrammingNoiseConfig::new);
        return Arbitraries.oneOf(Arbitraries.just(new NoProgrammingNoiseConfig()), gaussian, polynomial,
                Arbitraries.just(PolynomialProgrammingNoiseConfig.defaults()));
    }
}
