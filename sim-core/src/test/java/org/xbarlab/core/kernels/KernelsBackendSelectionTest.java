package org.xbarlab.core.kernels;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Backend choice by name, provenance strings, and the thread setting. */
@ExtendWith(RestoreKernelSettings.class)
class KernelsBackendSelectionTest extends XbarlabTestBase {

    @Test
    void automaticChoiceIsOpenBlasWhenItLoadsElseJava() {
        Kernels.setBackend(" AUTO ");
        assertEquals(Kernels.isOpenBlasAvailable() ? Kernels.OPENBLAS : Kernels.JAVA, Kernels.backendName());
    }

    @Test
    void backendsCanBeChosenByName() {
        Kernels.setBackend("java");
        assertEquals(Kernels.JAVA, Kernels.backendName());
        assertTrue(Kernels.backendDescription().startsWith("java: plain Java"), Kernels.backendDescription());
        assumeTrue(Kernels.isOpenBlasAvailable(), "OpenBLAS native library not available");
        Kernels.setBackend("OpenBLAS");
        assertEquals(Kernels.OPENBLAS, Kernels.backendName());
        assertTrue(Kernels.backendDescription().contains("OpenBLAS 0."), Kernels.backendDescription());
    }

    @Test
    void threadCountIsReportedAndUsedInTheDescription() {
        Kernels.setBackend("java");
        Kernels.setThreads(3);
        assertEquals(3, Kernels.threads());
        assertTrue(Kernels.backendDescription().contains("3 thread(s)"), Kernels.backendDescription());
        Kernels.setThreads(1);
        assertEquals(1, Kernels.threads());
    }
}
