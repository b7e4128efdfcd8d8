package org.xbarlab.core.kernels;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Puts the process-wide kernel settings, the backend ({@link Kernels#useBackend}) and the thread count
 * ({@link Kernels#setThreads}), back to what they were before each test, so that a kernel test choosing its own
 * backend or thread count does not change the tests that run after it. Use with
 * {@code @ExtendWith(RestoreKernelSettings.class)}.
 */
final class RestoreKernelSettings implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RestoreKernelSettings.class);

    /** What a test found. */
    private record Settings(KernelBackend backend, int threads) {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(Settings.class, new Settings(Kernels.backend(), Kernels.threads()));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Settings before = context.getStore(NAMESPACE).remove(Settings.class, Settings.class);
        Kernels.useBackend(before.backend());
        Kernels.setThreads(before.threads());
    }
}
