package org.xbarlab.core;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Base class for xbarlab unit tests: library code must never print, so a test fails when the code under test
 * writes to {@code System.out} or {@code System.err} (the pattern of EJML's {@code EjmlStandardJUnit}).
 *
 * <p>JUnit runs the capture around each test, jqwik around each try of a property.
 *
 * <p>Stochastic tests take their seed from {@link #TEST_SEED} or state their own, and put it in assertion messages.
 */
public abstract class XbarlabTestBase {

    /** Root seed used by tests that do not need a specific one. */
    protected static final long TEST_SEED = 20261122L;

    private PrintStream originalOut;
    private PrintStream originalErr;
    private ByteArrayOutputStream capturedOut;
    private ByteArrayOutputStream capturedErr;

    @BeforeEach
    @BeforeTry
    protected void captureStandardStreams() {
        originalOut = System.out;
        originalErr = System.err;
        capturedOut = new ByteArrayOutputStream();
        capturedErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    @AfterTry
    protected void failOnStrayOutput() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        String out = capturedOut.toString(StandardCharsets.UTF_8);
        String err = capturedErr.toString(StandardCharsets.UTF_8);
        if (!out.isEmpty() || !err.isEmpty()) {
            fail("library code wrote to the standard streams; stdout: [" + out + "] stderr: [" + err + "]");
        }
    }
}
