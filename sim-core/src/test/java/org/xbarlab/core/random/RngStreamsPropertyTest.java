package org.xbarlab.core.random;

import java.util.List;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class RngStreamsPropertyTest extends XbarlabTestBase {

    private static long[] toArray(List<Long> indices) {
        return indices.stream().mapToLong(Long::longValue).toArray();
    }

    private static long[] draw(UniformRandomProvider rng) {
        return new long[] {rng.nextLong(), rng.nextLong(), rng.nextLong()};
    }

    @Property
    void sameKeyGivesTheSameStream(@ForAll long rootSeed, @ForAll @StringLength(min = 1, max = 40) String name,
                                   @ForAll @Size(max = 4) List<Long> indices) {
        final long[] key = toArray(indices);
        assertArrayEquals(draw(RngStreams.of(rootSeed).stream(name, key)),
                draw(RngStreams.of(rootSeed).stream(name, key.clone())));
        assertEquals(RngStreams.of(rootSeed).child(name, key), RngStreams.of(rootSeed).child(name, key));
    }

    @Property
    void changingAnyPartOfTheKeyChangesTheStream(@ForAll long rootSeed,
                                                 @ForAll @StringLength(min = 1, max = 40) String name,
                                                 @ForAll @Size(max = 4) List<Long> indices,
                                                 @ForAll long extraIndex) {
        final RngStreams streams = RngStreams.of(rootSeed);
        final long[] key = toArray(indices);
        final long[] reference = draw(streams.stream(name, key));
        final long[] longer = java.util.Arrays.copyOf(key, key.length + 1);
        longer[key.length] = extraIndex;
        assertFalse(java.util.Arrays.equals(reference, draw(streams.stream(name, longer))));
        assertFalse(java.util.Arrays.equals(reference, draw(streams.stream(name + "x", key))));
        assertFalse(java.util.Arrays.equals(reference, draw(RngStreams.of(rootSeed ^ 1).stream(name, key))));
    }

    @Property
    void differentIndicesGiveDifferentStreams(@ForAll long rootSeed, @ForAll long first, @ForAll long second) {
        Assume.that(first != second);
        final RngStreams streams = RngStreams.of(rootSeed);
        assertFalse(java.util.Arrays.equals(draw(streams.stream(StreamNames.DEVICES_CYCLE, first)),
                draw(streams.stream(StreamNames.DEVICES_CYCLE, second))));
    }
}
