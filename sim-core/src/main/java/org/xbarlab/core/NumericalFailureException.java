package org.xbarlab.core;

/**
 * A simulation produced a value that is not a finite number (NaN or infinity) in its states, weights,
 * conductances or loss, so it cannot go on. Thrown within one mini-batch of the failure; the message says where
 * (epoch, batch, what) and what usually causes it. Experiments catch it, keep what they measured so far and mark
 * the result failed.
 */
public final class NumericalFailureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message where the failure was seen and its usual causes
     */
    public NumericalFailureException(String message) {
        super(message);
    }

    /**
     * This failure with where it happened in front of its message, unless the message says it already.
     *
     * @param epoch the epoch, from 0
     * @param batch the mini-batch within the epoch, from 0
     * @return a failure whose message starts with the epoch and mini-batch
     */
    public NumericalFailureException at(int epoch, int batch) {
        String where = String.format(java.util.Locale.ROOT, "in epoch %d, mini-batch %d", epoch + 1, batch + 1);
        return getMessage().contains(where) ? this : new NumericalFailureException(where + ": " + getMessage());
    }

    /**
     * Throws unless a mini-batch's loss is a finite number. A non-finite value anywhere in the network's states,
     * weights or conductances reaches the loss through the forward pass, so this one check per batch finds it.
     *
     * @param loss the batch's loss
     * @param epoch the epoch, from 0
     * @param batch the mini-batch within the epoch, from 0
     * @throws NumericalFailureException if {@code loss} is NaN or infinite
     */
    public static void checkLoss(double loss, int epoch, int batch) {
        if (!Double.isFinite(loss)) {
            throw new NumericalFailureException(String.format(java.util.Locale.ROOT,
                    "the training loss became %s in epoch %d, mini-batch %d: a state, weight or conductance is "
                            + "not a finite number (usually a learning rate too large for the network, which makes "
                            + "it diverge, or a device or converter setting that divides by zero); lower the "
                            + "learning rates or check the chip's settings", loss, epoch + 1, batch + 1));
        }
    }
}
