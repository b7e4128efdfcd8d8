package org.xbarlab.algorithms.data;

import java.util.ArrayList;
import java.util.List;

import org.xbarlab.core.progress.Progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Records progress reports and checks that they follow the {@link Progress} contract. */
final class RecordingProgress implements Progress {

    final List<String> events = new ArrayList<>();
    private long total = Long.MIN_VALUE;
    private long last = 0;
    private int starts;
    private int finishes;
    String summary;

    @Override
    public synchronized void start(String task, long totalSteps) {
        assertNotNull(task);
        starts++;
        total = totalSteps;
        events.add("start " + task);
    }

    @Override
    public synchronized void step(long stepsDone, String detail) {
        assertNotNull(detail);
        assertEquals(1, starts, "step before start");
        assertTrue(stepsDone > last, "steps must increase: " + last + " then " + stepsDone);
        assertTrue(total < 0 || stepsDone <= total, "step " + stepsDone + " beyond total " + total);
        last = stepsDone;
        events.add(stepsDone + " " + detail);
    }

    @Override
    public synchronized void finish(String summary) {
        assertNotNull(summary);
        finishes++;
        this.summary = summary;
        events.add("finish " + summary);
    }

    void assertFinishedOnce() {
        assertEquals(1, starts, events.toString());
        assertEquals(1, finishes, events.toString());
    }
}
