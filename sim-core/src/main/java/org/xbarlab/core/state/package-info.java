/**
 * Checkpoints: the mutable state of a run (device conductances, tile caches, optimizer and homeostasis state,
 * random-stream positions, cost totals, the training loop's place) written to and read back from a labelled binary
 * stream, so that a resumed run continues bit for bit where the interrupted one stopped.
 *
 * <p>Each stateful object implements {@link org.xbarlab.core.state.Stateful}: it writes its fields in a fixed order
 * and reads them back in the same order into an object built afresh from the same resolved config and root seed.
 * Every record carries a label and a length, so a checkpoint that belongs to another config fails with a message
 * naming the first record that does not match, never with silently wrong state.
 */
package org.xbarlab.core.state;
