package org.xbarlab.crossbar.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class TechnologyConfigTest extends XbarlabTestBase {

    private static final TechnologyConfig DEFAULTS = TechnologyConfig.defaults();

    @Test
    void defaultsCarryTheDocumentedConstants() {
        assertEquals("32nm", DEFAULTS.technologyNodeLabel());
        assertEquals(0.5e-9, DEFAULTS.clockPeriodSeconds());
        assertEquals(0.5, DEFAULTS.readVoltageVolts());
        assertEquals(5e-9, DEFAULTS.readPulseDurationSeconds());
        assertEquals(2.56e-17, DEFAULTS.wireCapacitancePerCellFarads(), 1e-30);
        assertEquals(SchreierConverterEnergyConfig.murmannSurveyEnvelope(), DEFAULTS.adcEnergy());
        assertEquals(SchreierConverterEnergyConfig.murmannSurveyEnvelope(), DEFAULTS.dacEnergy());
        assertEquals(16, DEFAULTS.columnsPerAdc());
        assertEquals(16, DEFAULTS.columnsPerWriteDriver());
        assertEquals(WriteScheduling.ROW_BY_ROW, DEFAULTS.writeScheduling());
        assertEquals(0.1e-12, DEFAULTS.digitalAddEnergyJoules());
        assertEquals(0, DEFAULTS.peripheralEnergyPerOperationJoules());
        // SAR: one sampling clock plus one clock per bit.
        assertEquals(4.5e-9, DEFAULTS.adcConversionTimeSeconds(8), 1e-21);
    }

    @Test
    void neuroSimPresetUsesTheFixedReadCircuitEnergyAndOneClockPerConversion() {
        TechnologyConfig neuroSim = TechnologyConfig.neuroSimMlpV3();
        assertEquals(1.346e-12, neuroSim.adcEnergyPerConversionJoules(8));
        assertEquals(1.346e-12, neuroSim.adcEnergyPerConversionJoules(4));
        assertEquals(0.5e-9, neuroSim.adcConversionTimeSeconds(8));
        assertEquals(0, neuroSim.dacEnergyPerConversionJoules(1));
        assertEquals(0, neuroSim.dacConversionTimeSeconds());
    }

    static Stream<Arguments> invalidConfigs() {
        return Stream.of(
                Arguments.of("technologyNodeLabel", (Supplier<?>) () -> DEFAULTS.withTechnologyNodeLabel("")),
                Arguments.of("clockPeriodSeconds", (Supplier<?>) () -> DEFAULTS.withClockPeriodSeconds(0)),
                Arguments.of("readVoltageVolts", (Supplier<?>) () -> DEFAULTS.withReadVoltageVolts(Double.NaN)),
                Arguments.of("readPulseDurationSeconds",
                        (Supplier<?>) () -> DEFAULTS.withReadPulseDurationSeconds(-1e-9)),
                Arguments.of("wireCapacitancePerCellFarads",
                        (Supplier<?>) () -> DEFAULTS.withWireCapacitancePerCellFarads(Double.POSITIVE_INFINITY)),
                Arguments.of("dacEnergy", (Supplier<?>) () -> DEFAULTS.withDacEnergy(null)),
                Arguments.of("dacConversionTimeSeconds", (Supplier<?>) () -> DEFAULTS.withDacConversionTimeSeconds(0)),
                Arguments.of("adcEnergy", (Supplier<?>) () -> DEFAULTS.withAdcEnergy(null)),
                Arguments.of("adcConversionTimeOffsetSeconds",
                        (Supplier<?>) () -> DEFAULTS.withAdcConversionTimeOffsetSeconds(-1)),
                Arguments.of("adcConversionTimePerBitSeconds", (Supplier<?>) () -> DEFAULTS
                        .withAdcConversionTimeOffsetSeconds(0).withAdcConversionTimePerBitSeconds(0)),
                Arguments.of("columnsPerAdc", (Supplier<?>) () -> DEFAULTS.withColumnsPerAdc(0)),
                Arguments.of("columnsPerWriteDriver", (Supplier<?>) () -> DEFAULTS.withColumnsPerWriteDriver(-3)),
                Arguments.of("writeScheduling", (Supplier<?>) () -> DEFAULTS.withWriteScheduling(null)),
                Arguments.of("digitalAddEnergyJoules", (Supplier<?>) () -> DEFAULTS.withDigitalAddEnergyJoules(-1)),
                Arguments.of("digitalAddLatencySeconds",
                        (Supplier<?>) () -> DEFAULTS.withDigitalAddLatencySeconds(Double.NaN)),
                Arguments.of("peripheralEnergyPerOperationJoules",
                        (Supplier<?>) () -> DEFAULTS.withPeripheralEnergyPerOperationJoules(-1e-15)),
                Arguments.of("peripheralLatencyPerOperationSeconds",
                        (Supplier<?>) () -> DEFAULTS.withPeripheralLatencyPerOperationSeconds(-1e-9)),
                Arguments.of("asymptoticFigureOfMeritDecibels",
                        (Supplier<?>) () -> new SchreierConverterEnergyConfig(-1, 1e6)),
                Arguments.of("cornerFrequencyHertz", (Supplier<?>) () -> new SchreierConverterEnergyConfig(180, 0)),
                Arguments.of("energyPerConversionStepJoules",
                        (Supplier<?>) () -> new WaldenConverterEnergyConfig(-1e-15)),
                Arguments.of("energyPerConversionJoules",
                        (Supplier<?>) () -> new FixedConverterEnergyConfig(Double.NaN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidConfigs")
    void validationMessagesNameTheField(String field, Supplier<?> construction) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, construction::get);
        assertTrue(error.getMessage().startsWith(field), () -> "message should start with " + field + ": "
                + error.getMessage());
    }

    @Test
    void rateDependentDacNeedsAPositiveConversionTimeButAFixedOneDoesNot() {
        TechnologyConfig fixed = DEFAULTS.withDacEnergy(new FixedConverterEnergyConfig(1e-15))
                .withDacConversionTimeSeconds(0);
        assertEquals(1e-15, fixed.dacEnergyPerConversionJoules(4));
    }

    @Test
    void jsonRoundTripGivesAnEqualRecord() {
        List<TechnologyConfig> configs = List.of(DEFAULTS, TechnologyConfig.neuroSimMlpV3(),
                DEFAULTS.withAdcEnergy(new WaldenConverterEnergyConfig(12.5e-15))
                        .withWriteScheduling(WriteScheduling.ROW_PARALLEL)
                        .withPeripheralEnergyPerOperationJoules(3e-13));
        for (TechnologyConfig config : configs) {
            String json = ConfigMapper.writeJson(config);
            TechnologyConfig read = ConfigMapper.readString(json, ConfigMapper.Format.JSON, TechnologyConfig.class,
                    List.of());
            assertEquals(config, read, json);
        }
    }

    @Test
    void jsonUsesStableNamesForModelsAndScheduling() {
        String json = ConfigMapper.writeJson(DEFAULTS.withWriteScheduling(WriteScheduling.ROW_PARALLEL));
        assertTrue(json.contains("\"model\": \"schreier-envelope\""), json);
        assertTrue(json.contains("row-parallel"), json);
        assertTrue(json.contains("\"readVoltageVolts\""), json);
    }

    @Test
    void invalidValueInAFileIsReportedWithItsPath() {
        String json = ConfigMapper.writeJson(DEFAULTS).replace("\"columnsPerAdc\": 16", "\"columnsPerAdc\": 0");
        ConfigException error = assertThrows(ConfigException.class, () -> ConfigMapper.readString(json,
                ConfigMapper.Format.JSON, TechnologyConfig.class, List.of()));
        assertTrue(error.getMessage().contains("columnsPerAdc"), error.getMessage());
    }

    @Test
    void overridesGoThroughValidation() {
        String json = ConfigMapper.writeJson(DEFAULTS);
        TechnologyConfig overridden = ConfigMapper.readString(json, ConfigMapper.Format.JSON, TechnologyConfig.class,
                List.of("columnsPerAdc=32",
                        "adcEnergy={\"model\": \"walden\", \"energyPerConversionStepJoules\": 1e-15}"));
        assertEquals(32, overridden.columnsPerAdc());
        assertEquals(new WaldenConverterEnergyConfig(1e-15), overridden.adcEnergy());
        assertThrows(ConfigException.class, () -> ConfigMapper.readString(json, ConfigMapper.Format.JSON,
                TechnologyConfig.class, List.of("adcEnergy.model=\"unknown\"")));
    }
}
