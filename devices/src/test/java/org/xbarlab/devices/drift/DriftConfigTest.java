package org.xbarlab.devices.drift;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.config.ConfigException;
import org.xbarlab.core.config.ConfigMapper;
import org.xbarlab.core.config.ConfigMapper.Format;
import org.xbarlab.devices.drift.PowerLawDriftConfig.NegativeExponents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drift config records: JSON names, defaults, and validation messages that name the field. */
class DriftConfigTest extends XbarlabTestBase {

    private static DriftConfig read(String json) {
        return ConfigMapper.readString(json, Format.JSON, DriftConfig.class, List.of());
    }

    @Test
    void modelNamesAreStable() {
        assertEquals(new NoDriftConfig(), read("{\"model\": \"none\"}"));
        assertEquals(new PowerLawDriftConfig(0.05, 0.01, 1, NegativeExponents.FOLD),
                read("{\"model\": \"power-law\", \"meanExponent\": 0.05, \"exponentSigma\": 0.01,"
                        + " \"referenceTimeSeconds\": 1, \"negativeExponents\": \"fold\"}"));
        // A missing handling means clip.
        assertEquals(NegativeExponents.CLIP, ((PowerLawDriftConfig) read("{\"model\": \"power-law\","
                + " \"meanExponent\": 0.05, \"exponentSigma\": 0.01, \"referenceTimeSeconds\": 1}"))
                .negativeExponents());
        String pcm = ConfigMapper.writeJson(PcmDriftConfig.defaults());
        assertTrue(pcm.contains("\"model\": \"pcm\""), pcm);
        assertEquals(PcmDriftConfig.defaults(), read(pcm));
    }

    @Test
    void pcmDefaultsAreAihwkitsConstants() {
        PcmDriftConfig d = PcmDriftConfig.defaults();
        assertEquals(List.of(-0.0155, 0.0244, 0.049, 0.1, -0.0125, -0.0059, 0.008, 0.045, 1e-7, 1.0, 20.0),
                List.of(d.meanExponentLogSlope(), d.meanExponentIntercept(), d.minMeanExponent(),
                        d.maxMeanExponent(), d.exponentSigmaLogSlope(), d.exponentSigmaIntercept(),
                        d.minExponentSigma(), d.maxExponentSigma(), d.minNormalizedConductance(),
                        d.driftScaleRelative(), d.referenceTimeSeconds()));
    }

    static Stream<Arguments> invalidConfigs() {
        PcmDriftConfig d = PcmDriftConfig.defaults();
        return Stream.of(
            invalid("meanExponent", () -> PowerLawDriftConfig.defaults().withMeanExponent(Double.NaN)),
            invalid("meanExponent", () -> PowerLawDriftConfig.defaults().withMeanExponent(1.5)),
            invalid("exponentSigma", () -> PowerLawDriftConfig.defaults().withExponentSigma(-0.01)),
            invalid("referenceTimeSeconds", () -> PowerLawDriftConfig.defaults().withReferenceTimeSeconds(0)),
            invalid("meanExponentLogSlope", () -> new PcmDriftConfig(Double.NaN, 0.0244, 0.049, 0.1, -0.0125,
                    -0.0059, 0.008, 0.045, 1e-7, 1, 20)),
            invalid("meanExponentIntercept", () -> new PcmDriftConfig(-0.0155, Double.POSITIVE_INFINITY, 0.049,
                    0.1, -0.0125, -0.0059, 0.008, 0.045, 1e-7, 1, 20)),
            invalid("minMeanExponent", () -> new PcmDriftConfig(-0.0155, 0.0244, -0.1, 0.1, -0.0125, -0.0059,
                    0.008, 0.045, 1e-7, 1, 20)),
            invalid("minMeanExponent", () -> new PcmDriftConfig(-0.0155, 0.0244, 0.2, 0.1, -0.0125, -0.0059,
                    0.008, 0.045, 1e-7, 1, 20)),
            invalid("maxMeanExponent", () -> new PcmDriftConfig(-0.0155, 0.0244, 0.049, 2, -0.0125, -0.0059,
                    0.008, 0.045, 1e-7, 1, 20)),
            invalid("exponentSigmaLogSlope", () -> new PcmDriftConfig(-0.0155, 0.0244, 0.049, 0.1, Double.NaN,
                    -0.0059, 0.008, 0.045, 1e-7, 1, 20)),
            invalid("exponentSigmaIntercept", () -> new PcmDriftConfig(-0.0155, 0.0244, 0.049, 0.1, -0.0125,
                    Double.NaN, 0.008, 0.045, 1e-7, 1, 20)),
            invalid("minExponentSigma", () -> new PcmDriftConfig(-0.0155, 0.0244, 0.049, 0.1, -0.0125, -0.0059,
                    0.05, 0.045, 1e-7, 1, 20)),
            invalid("maxExponentSigma", () -> new PcmDriftConfig(-0.0155, 0.0244, 0.049, 0.1, -0.0125, -0.0059,
                    0.008, Double.NaN, 1e-7, 1, 20)),
            invalid("minNormalizedConductance", () -> new PcmDriftConfig(-0.0155, 0.0244, 0.049, 0.1, -0.0125,
                    -0.0059, 0.008, 0.045, 0, 1, 20)),
            invalid("driftScaleRelative", () -> d.withDriftScaleRelative(-1)),
            invalid("referenceTimeSeconds", () -> d.withReferenceTimeSeconds(Double.NaN)));
    }

    private static Arguments invalid(String field, Supplier<DriftConfig> construction) {
        return Arguments.of(field, construction);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidConfigs")
    void validationMessagesNameTheField(String field, Supplier<DriftConfig> construction) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, construction::get);
        assertTrue(error.getMessage().startsWith(field + " "), error.getMessage());
    }

    @Test
    void configErrorsPointAtTheField() {
        ConfigException error = assertThrows(ConfigException.class, () -> read(
                "{\"model\": \"power-law\",\n \"meanExponent\": 0.05,\n \"exponentSigma\": 0.01,\n"
                        + " \"referenceTimeSeconds\": -20}"));
        assertEquals("referenceTimeSeconds", error.path(), error.getMessage());
        assertEquals(4, error.line(), error.getMessage());
        ConfigException handling = assertThrows(ConfigException.class, () -> read(
                "{\"model\": \"power-law\", \"meanExponent\": 0.05, \"exponentSigma\": 0.01,"
                        + " \"referenceTimeSeconds\": 20, \"negativeExponents\": \"mirror\"}"));
        assertTrue(handling.getMessage().contains("mirror"), handling.getMessage());
    }
}
