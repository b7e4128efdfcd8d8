package org.xbarlab.devices.noise;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.config.ConfigException;
import org.xbarlab.core.config.ConfigMapper;
import org.xbarlab.core.config.ConfigMapper.Format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xbarlab.devices.noise.NoiseConfigPropertyTest.assertNamesField;

/** The noise config records: JSON names, defaults, cross-field checks and error paths through ConfigMapper. */
class NoiseConfigTest extends XbarlabTestBase {

    private static <T> T read(String json, Class<T> type) {
        return ConfigMapper.readString(json, Format.JSON, type, List.of());
    }

    @Test
    void modelNamesAreStable() {
        assertEquals(new NoReadNoiseConfig(), read("{\"model\": \"none\"}", ReadNoiseConfig.class));
        assertEquals(new GaussianReadNoiseConfig(1e-7, 0.02),
                read("{\"model\": \"gaussian\", \"sigmaSiemens\": 1e-7, \"sigmaRelative\": 0.02}",
                        ReadNoiseConfig.class));
        assertTrue(ConfigMapper.writeJson(PcmReadNoiseConfig.defaults()).contains("\"model\": \"pcm\""));
        assertEquals(new NoProgrammingNoiseConfig(), read("{\"model\": \"none\"}", ProgrammingNoiseConfig.class));
        assertEquals(PolynomialProgrammingNoiseConfig.defaults(),
                read("{\"model\": \"polynomial\", \"coefficientsSiemens\": [2.6348e-7, 1.965e-6, -1.1731e-6],"
                        + " \"referenceMaxConductanceSiemens\": 2.5e-5, \"scaleRelative\": 1}",
                        ProgrammingNoiseConfig.class));
        assertTrue(ConfigMapper.writeJson(GaussianProgrammingNoiseConfig.defaults())
                .contains("\"model\": \"gaussian\""));
    }

    @Test
    void pcmDefaultsAreAihwkitsConstants() {
        PcmReadNoiseConfig read = PcmReadNoiseConfig.defaults();
        assertEquals(0.0088, read.amplitudeCoefficientRelative());
        assertEquals(0.65, read.conductanceExponent());
        assertEquals(1e-3, read.minNormalizedConductancePower());
        assertEquals(0.2, read.maxAmplitudeRelative());
        assertEquals(250e-9, read.readTimeSeconds());
        assertEquals(20.0, read.referenceTimeSeconds());
        assertEquals(1.0, read.scaleRelative());
        PolynomialProgrammingNoiseConfig programming = PolynomialProgrammingNoiseConfig.defaults();
        assertEquals(List.of(0.26348e-6, 1.9650e-6, -1.1731e-6), programming.coefficientsSiemens());
        assertEquals(25e-6, programming.referenceMaxConductanceSiemens());
    }

    @Test
    void crossFieldAndRangeChecksNameTheirField() {
        assertNamesField("referenceTimeSeconds", () -> PcmReadNoiseConfig.defaults().withReferenceTimeSeconds(1e-7));
        assertNamesField("conductanceExponent", () -> new PcmReadNoiseConfig(0.0088, 11, 1e-3, 0.2, 250e-9, 20, 1));
        assertNamesField("minNormalizedConductancePower",
                () -> new PcmReadNoiseConfig(0.0088, 0.65, 0, 0.2, 250e-9, 20, 1));
        assertNamesField("coefficientsSiemens", () -> new PolynomialProgrammingNoiseConfig(List.of(), 25e-6, 1));
        assertNamesField("coefficientsSiemens", () -> new PolynomialProgrammingNoiseConfig(null, 25e-6, 1));
        assertNamesField("coefficientsSiemens", () -> new PolynomialProgrammingNoiseConfig(
                java.util.Collections.nCopies(17, 1e-7), 25e-6, 1));
        assertNamesField("referenceMaxConductanceSiemens",
                () -> new PolynomialProgrammingNoiseConfig(List.of(1e-7), 0, 1));
    }

    @Test
    void configErrorsPointAtTheField() {
        ConfigException error = assertThrows(ConfigException.class, () -> read(
                "{\"model\": \"gaussian\",\n \"sigmaSiemens\": -1e-7,\n \"sigmaRelative\": 0}",
                ReadNoiseConfig.class));
        assertEquals("sigmaSiemens", error.path(), error.getMessage());
        assertTrue(error.getMessage().contains("must be non-negative and finite, got -1.0E-7 S"), error.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> read("{\"model\": \"lognormal\"}", ReadNoiseConfig.class));
        assertTrue(unknown.getMessage().contains("lognormal"), unknown.getMessage());
    }

    @Test
    void polynomialSigmaIsClampedAtZeroWhereThePolynomialIsNegative() {
        PolynomialProgrammingNoiseConfig config = new PolynomialProgrammingNoiseConfig(List.of(1e-6, -2e-6), 25e-6,
                1);
        assertEquals(0.0, config.sigmaSiemens(25e-6, 25e-6));
        assertEquals(0.5e-6, config.sigmaSiemens(6.25e-6, 25e-6), 1e-18);
        ProgrammingNoise noise = ProgrammingNoise.from(config, 25e-6);
        float[] target = {25e-6f};
        float[] out = new float[1];
        noise.apply(target, 0, 1, out, 0, org.xbarlab.core.random.RngStreams.of(TEST_SEED).stream("t"),
                new float[1]);
        assertEquals(25e-6f, out[0]);
    }
}
