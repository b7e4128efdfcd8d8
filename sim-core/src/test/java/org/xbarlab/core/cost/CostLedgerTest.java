package org.xbarlab.core.cost;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CostLedgerTest extends XbarlabTestBase {

    @Test
    void chargesAccumulateByPhaseAndComponent() {
        CostLedger ledger = new CostLedger();
        CostAccount adc = ledger.account(Phase.TRAINING, "adc");
        adc.charge(2e-12, 1e-9, 3);
        adc.charge(1e-12, 2e-9, 1);
        ledger.charge(Phase.INFERENCE, "adc", 5e-12, 4e-9, 2);
        ledger.charge(Phase.TRAINING, "array-read", 7e-15, 1e-8, 10);

        assertEquals(3e-12 + 7e-15, ledger.energyJoules(Phase.TRAINING), 1e-27);
        assertEquals(3e-9 + 1e-8, ledger.latencySeconds(Phase.TRAINING), 1e-22);
        assertEquals(5e-12, ledger.energyJoules(Phase.INFERENCE), 0.0);
        assertEquals(0.0, ledger.energyJoules(Phase.PROGRAMMING), 0.0);
        assertEquals(4, adc.operationCount());

        CostSummary summary = ledger.summarize(4);
        assertEquals(3, summary.entries().size());
        assertEquals(List.of("training/adc", "training/array-read", "inference/adc"),
                summary.entries().stream().map(e -> e.phase() + "/" + e.component()).toList());
        assertEquals(8e-12 + 7e-15, summary.totalEnergyJoules(), 1e-27);
        assertEquals(summary.totalEnergyJoules() / 4, summary.energyPerSampleJoules(), 0.0);
        assertEquals(summary.totalLatencySeconds() / 4, summary.latencyPerSampleSeconds(), 0.0);
    }

    @Test
    void mergeAddsEveryAccountAndLeavesTheSourceUnchanged() {
        CostLedger a = new CostLedger();
        CostLedger b = new CostLedger();
        a.charge(Phase.TRAINING, "dac", 1e-12, 1e-9, 1);
        b.charge(Phase.TRAINING, "dac", 2e-12, 3e-9, 2);
        b.charge(Phase.PROGRAMMING, "write-pulse", 1e-11, 1e-7, 5);

        a.merge(b);

        assertEquals(3e-12, a.account(Phase.TRAINING, "dac").energyJoules(), 1e-27);
        assertEquals(3, a.account(Phase.TRAINING, "dac").operationCount());
        assertEquals(1e-11, a.energyJoules(Phase.PROGRAMMING), 0.0);
        assertEquals(2e-12, b.account(Phase.TRAINING, "dac").energyJoules(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> a.merge(a));
    }

    @Test
    void compensatedSumKeepsTinyChargesNextToLargeOnes() {
        CostLedger ledger = new CostLedger();
        CostAccount account = ledger.account(Phase.TRAINING, "mixed");
        account.charge(1.0, 0, 1);
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            account.charge(1e-17, 0, 1);
        }
        // A naive double sum loses every 1e-17 against 1.0 (below half an ulp); Kahan keeps them.
        assertEquals(1.0 + n * 1e-17, account.energyJoules(), 1e-16);
        assertTrue(account.energyJoules() > 1.0);
    }

    @Test
    void invalidChargesNameTheAccountAndTheValue() {
        CostAccount account = new CostLedger().account(Phase.INFERENCE, "adc");
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> account.charge(Double.NaN, 0, 1));
        assertTrue(nan.getMessage().contains("inference/adc") && nan.getMessage().contains("NaN"),
                nan.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> account.charge(0, -1e-9, 1));
        assertTrue(negative.getMessage().contains("latencySeconds"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> account.charge(0, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> new CostLedger().account(Phase.TRAINING, " "));
        assertThrows(IllegalArgumentException.class, () -> new CostLedger().summarize(0));
    }
}
