package org.xbarlab.devices.noise;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.config.ConfigMapper;
import org.xbarlab.core.config.ConfigMapper.Format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties of the noise config records: JSON round trip, and validation messages that name the field. */
class NoiseConfigPropertyTest extends XbarlabTestBase {

    @Property(tries = 300)
    void readNoiseConfigsRoundTripThroughJson(@ForAll("readNoiseConfigs") ReadNoiseConfig config) {
        String json = ConfigMapper.writeJson(config);
        assertEquals(config, ConfigMapper.readString(json, Format.JSON, ReadNoiseConfig.class, List.of()), json);
    }

    @Property(tries = 300)
    void programmingNoiseConfigsRoundTripThroughJson(
            @ForAll("programmingNoiseConfigs") ProgrammingNoiseConfig config) {
        String json = ConfigMapper.writeJson(config);
        assertEquals(config, ConfigMapper.readString(json, Format.JSON, ProgrammingNoiseConfig.class, List.of()),
                json);
    }

    @Property(tries = 300)
    void gaussianSigmasMustBeNonNegativeAndFinite(@ForAll("invalidNonNegative") double value) {
        assertNamesField("sigmaSiemens", () -> new GaussianReadNoiseConfig(value, 0));
        assertNamesField("sigmaRelative", () -> new GaussianReadNoiseConfig(0, value));
        assertNamesField("sigmaSiemens", () -> new GaussianProgrammingNoiseConfig(value, 0));
        assertNamesField("sigmaRelative", () -> new GaussianProgrammingNoiseConfig(0, value));
    }

    @Property(tries = 300)
    void pcmReadNoiseFieldsAreValidated(@ForAll("invalidNonNegative") double value) {
        PcmReadNoiseConfig d = PcmReadNoiseConfig.defaults();
        assertNamesField("amplitudeCoefficientRelative", () -> new PcmReadNoiseConfig(value,
                d.conductanceExponent(), d.minNormalizedConductancePower(), d.maxAmplitudeRelative(),
                d.readTimeSeconds(), d.referenceTimeSeconds(), d.scaleRelative()));
        assertNamesField("maxAmplitudeRelative", () -> new PcmReadNoiseConfig(d.amplitudeCoefficientRelative(),
                d.conductanceExponent(), d.minNormalizedConductancePower(), value, d.readTimeSeconds(),
                d.referenceTimeSeconds(), d.scaleRelative()));
        assertNamesField("readTimeSeconds", () -> new PcmReadNoiseConfig(d.amplitudeCoefficientRelative(),
                d.conductanceExponent(), d.minNormalizedConductancePower(), d.maxAmplitudeRelative(), value,
                d.referenceTimeSeconds(), d.scaleRelative()));
        assertNamesField("scaleRelative", () -> d.withScaleRelative(value));
    }

    @Property(tries = 300)
    void polynomialCoefficientsMustBeFinite(@ForAll("nonFinite") double value) {
        assertNamesField("coefficientsSiemens[1]",
                () -> new PolynomialProgrammingNoiseConfig(List.of(1e-7, value), 25e-6, 1));
    }

    @Provide
    Arbitrary<ReadNoiseConfig> readNoiseConfigs() {
        return NoiseArbitraries.readNoiseConfigs();
    }

    @Provide
    Arbitrary<ProgrammingNoiseConfig> programmingNoiseConfigs() {
        return NoiseArbitraries.programmingNoiseConfigs();
    }

    @Provide
    Arbitrary<Double> invalidNonNegative() {
        return Arbitraries.oneOf(nonFinite(), Arbitraries.just(-Double.MIN_VALUE),
                NoiseArbitraries.logUniform(1e-12, 1e3).map(v -> -v));
    }

    @Provide
    Arbitrary<Double> nonFinite() {
        return Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    /** The constructor must throw an IllegalArgumentException whose message starts with the field name. */
    static void assertNamesField(String field, Runnable construction) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, construction::run);
        assertTrue(error.getMessage().startsWith(field + " "), () -> "message must name " + field + ": "
                + error.getMessage());
    }
}
