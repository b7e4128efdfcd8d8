package org.xbarlab.algorithms.conv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xbarlab.algorithms.network.Activation;
import org.xbarlab.core.Checks;

/**
 * A convolutional network: convolutions (each with its pooling and pruning), then the flattened feature maps feed a
 * stack of dense layers. The seed paper's CNN is {@code 32f5-128f3-3000} (seed-algorithm.md §2.6 and §6.2):
 * conv 5×5 → 32 filters (padding 2), relu, pool 4/2/1; conv 3×3 → 128 (padding 1), relu, pool 4/2/1; flatten
 * (6272 values for 28×28 inputs, 8192 for 32×32); dropout; dense → 3000 with the identity output.
 * {@link #parse} reads that compact notation.
 *
 * <p>JSON keys (the record components): {@code inputChannels}, {@code inputHeight}, {@code inputWidth},
 * {@code convolutions} (a list of {@link ConvLayerConfig}: {@code filters}, {@code kernel}, {@code stride},
 * {@code padding}, {@code activation}, {@code pooling} {{@code kind}, {@code kernel}, {@code stride},
 * {@code padding}}, {@code pruneFraction}), {@code denseSizes}, {@code denseActivations}, {@code denseDropout},
 * {@code bias}.
 *
 * @param inputChannels channels of the input images (1 for MNIST, 3 for SVHN and CIFAR-10), 1 to 4096
 * @param inputHeight input height in pixels, 1 to 65 536
 * @param inputWidth input width in pixels, 1 to 65 536
 * @param convolutions the convolutions, input first; at least one
 * @param denseSizes widths of the dense layers after the flattening, input first (for example {@code [3000]}); may
 *     be empty (the flattened conv output is then the network's output)
 * @param denseActivations one activation per dense layer ({@code identity} for the seed paper's output)
 * @param denseDropout one inverted-dropout probability per dense layer, applied to that layer's input during
 *     training, each in [0, 1) (the seed paper drops the flattened conv output with {@code dropProb[0]})
 * @param bias whether every layer has a (digital) bias (PyTorch's default, true)
 */
public record ConvNetConfig(int inputChannels, int inputHeight, int inputWidth, List<ConvLayerConfig> convolutions,
                            List<Integer> denseSizes, List<Activation> denseActivations, List<Double> denseDropout,
                            boolean bias) {

    private static final Pattern CONV_TOKEN = Pattern.compile("(\\d+)f(\\d+)(?:s(\\d+))?(?:p(\\d+))?");
    private static final Pattern DENSE_TOKEN = Pattern.compile("\\d+");

    /** Validates every field, the list lengths and that every layer fits the shape it receives. */
    public ConvNetConfig {
        Checks.inRange("inputChannels", inputChannels, 1, 4096);
        Checks.inRange("inputHeight", inputHeight, 1, 65_536);
        Checks.inRange("inputWidth", inputWidth, 1, 65_536);
        convolutions = List.copyOf(Checks.noNullElements("convolutions", convolutions));
        denseSizes = List.copyOf(Checks.noNullElements("denseSizes", denseSizes));
        denseActivations = List.copyOf(Checks.noNullElements("denseActivations", denseActivations));
        denseDropout = List.copyOf(Checks.noNullElements("denseDropout", denseDropout));
        Checks.isTrue(!convolutions.isEmpty(), "convolutions needs at least one layer, got none");
        for (int i = 0; i < denseSizes.size(); i++) {
            Checks.inRange("denseSizes[" + i + "]", denseSizes.get(i), 1, 1_000_000);
        }
        Checks.isTrue(denseActivations.size() == denseSizes.size(),
                "denseActivations needs one entry per dense layer (%d), got %d", denseSizes.size(),
                denseActivations.size());
        Checks.isTrue(denseDropout.size() == denseSizes.size(),
                "denseDropout needs one entry per dense layer (%d), got %d", denseSizes.size(), denseDropout.size());
        for (int i = 0; i < denseDropout.size(); i++) {
            Checks.inHalfOpenRange("denseDropout[" + i + "]", denseDropout.get(i), 0.0, 1.0);
        }
        shapesOf(inputChannels, inputHeight, inputWidth, convolutions);
    }

    /**
     * Parses the seed paper's compact notation: tokens separated by {@code -}; a convolution is
     * {@code <filters>f<kernel>} with optional {@code s<stride>} and {@code p<padding>} (default stride 1 and
     * padding {@code kernel/2}, "same" for odd kernels), a dense layer is its width. Convolutions come first.
     * Every convolution gets relu, the given pooling and pruning; dense layers get relu, except the last, which is
     * the identity; no dropout; biases on. {@code "32f5-128f3-3000"} is the paper's CNN.
     *
     * @param notation for example {@code "32f5-128f3-3000"} or {@code "16f3s2p0-10"}
     * @param channels input channels
     * @param height input height
     * @param width input width
     * @param pooling the pooling after every convolution
     * @param pruneFraction the pruned fraction of every convolution
     * @return the config
     * @throws IllegalArgumentException naming the token that does not parse
     */
    public static ConvNetConfig parse(String notation, int channels, int height, int width, PoolingConfig pooling,
                                      double pruneFraction) {
        Checks.notNull("notation", notation);
        Checks.notNull("pooling", pooling);
        String[] tokens = notation.trim().toLowerCase(Locale.ROOT).split("-", -1);
        List<ConvLayerConfig> convolutions = new ArrayList<>();
        List<Integer> dense = new ArrayList<>();
        for (String token : tokens) {
            Matcher conv = CONV_TOKEN.matcher(token);
            if (conv.matches()) {
                Checks.isTrue(dense.isEmpty(), "network notation '%s': convolution '%s' after a dense layer",
                        notation, token);
                int kernel = parseInt(notation, token, conv.group(2));
                int stride = conv.group(3) == null ? 1 : parseInt(notation, token, conv.group(3));
                int padding = conv.group(4) == null ? kernel / 2 : parseInt(notation, token, conv.group(4));
                convolutions.add(new ConvLayerConfig(parseInt(notation, token, conv.group(1)), kernel, stride,
                        padding, Activation.RELU, pooling, pruneFraction));
            } else if (DENSE_TOKEN.matcher(token).matches()) {
                dense.add(parseInt(notation, token, token));
            } else {
                throw new IllegalArgumentException("network notation '" + notation + "': token '" + token
                        + "' is neither a convolution <filters>f<kernel>[s<stride>][p<padding>] nor a dense width");
            }
        }
        List<Activation> activations = new ArrayList<>();
        for (int i = 0; i < dense.size(); i++) {
            activations.add(i + 1 < dense.size() ? Activation.RELU : Activation.IDENTITY);
        }
        return new ConvNetConfig(channels, height, width, convolutions, dense, activations,
                Collections.nCopies(dense.size(), 0.0), true);
    }

    private static int parseInt(String notation, String token, String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("network notation '" + notation + "': number '" + digits
                    + "' in token '" + token + "' is out of range", e);
        }
    }

    /**
     * The seed paper's CNN {@code 32f5-128f3-<outputs>} with pooling 4/2/1 after each convolution, the given
     * pooling kind and pruning, and dropout {@code flattenDropout} on the flattened conv output
     * (seed-algorithm.md §6.2; MNIST: 28×28×1, prune 0.5; SVHN: 32×32×3, prune 0.11).
     *
     * @param channels input channels
     * @param size input side (28 or 32)
     * @param pooling max or average
     * @param pruneFraction pruned fraction of each convolution
     * @param outputs output neurons (3000 in the paper)
     * @param flattenDropout dropout on the flattened conv output, in [0, 1)
     * @return the config
     */
    public static ConvNetConfig seedPaper(int channels, int size, PoolingKind pooling, double pruneFraction,
                                          int outputs, double flattenDropout) {
        ConvNetConfig parsed = parse("32f5-128f3-" + outputs, channels, size, size, PoolingConfig.seedPaper(pooling),
                pruneFraction);
        return parsed.withDenseDropout(List.of(flattenDropout));
    }

    /** A copy with other dense dropout probabilities. */
    public ConvNetConfig withDenseDropout(List<Double> newDenseDropout) {
        return new ConvNetConfig(inputChannels, inputHeight, inputWidth, convolutions, denseSizes, denseActivations,
                newDenseDropout, bias);
    }

    /** A copy with other dense activations. */
    public ConvNetConfig withDenseActivations(List<Activation> newDenseActivations) {
        return new ConvNetConfig(inputChannels, inputHeight, inputWidth, convolutions, denseSizes,
                newDenseActivations, denseDropout, bias);
    }

    /** A copy with other convolutions. */
    public ConvNetConfig withConvolutions(List<ConvLayerConfig> newConvolutions) {
        return new ConvNetConfig(inputChannels, inputHeight, inputWidth, newConvolutions, denseSizes,
                denseActivations, denseDropout, bias);
    }

    /** The compact notation of the layer sizes, for example {@code "32f5-128f3-3000"} (stride and padding when not
     * the defaults). */
    public String notation() {
        StringBuilder text = new StringBuilder();
        for (ConvLayerConfig conv : convolutions) {
            if (text.length() > 0) {
                text.append('-');
            }
            text.append(conv.filters()).append('f').append(conv.kernel());
            if (conv.stride() != 1) {
                text.append('s').append(conv.stride());
            }
            if (conv.padding() != conv.kernel() / 2) {
                text.append('p').append(conv.padding());
            }
        }
        for (int size : denseSizes) {
            text.append('-').append(size);
        }
        return text.toString();
    }

    /** The input shape. */
    public FeatureShape inputShape() {
        return new FeatureShape(inputChannels, inputHeight, inputWidth);
    }

    /**
     * The shape after each convolution and its pooling, input first ({@code convolutions().size()} entries).
     *
     * @return the shapes
     */
    public List<FeatureShape> convolutionShapes() {
        return shapesOf(inputChannels, inputHeight, inputWidth, convolutions);
    }

    /** Values per sample after the last convolution and pooling (the flattened size; 6272 for the paper's MNIST
     * net). */
    public int flattenedSize() {
        List<FeatureShape> shapes = convolutionShapes();
        return shapes.get(shapes.size() - 1).size();
    }

    /** Inputs per sample. */
    public int inputs() {
        return inputChannels * inputHeight * inputWidth;
    }

    /** Outputs per sample: the last dense width, or the flattened size without dense layers. */
    public int outputs() {
        return denseSizes.isEmpty() ? flattenedSize() : denseSizes.get(denseSizes.size() - 1);
    }

    /** Weight layers: convolutions plus dense layers. */
    public int weightLayers() {
        return convolutions.size() + denseSizes.size();
    }

    private static List<FeatureShape> shapesOf(int channels, int height, int width, List<ConvLayerConfig> layers) {
        List<FeatureShape> shapes = new ArrayList<>();
        int c = channels;
        int h = height;
        int w = width;
        for (int i = 0; i < layers.size(); i++) {
            ConvLayerConfig conv = layers.get(i);
            Checks.isTrue(conv.kernel() <= h + 2 * conv.padding() && conv.kernel() <= w + 2 * conv.padding(),
                    "convolutions[%d]: kernel %d does not fit its padded input (smaller padded side %d)", i,
                    conv.kernel(),
                    (long) Math.min(h, w) + 2L * conv.padding());
            h = Im2Col.outputSize(h, conv.kernel(), conv.stride(), conv.padding());
            w = Im2Col.outputSize(w, conv.kernel(), conv.stride(), conv.padding());
            c = conv.filters();
            PoolingConfig pool = conv.pooling();
            Checks.isTrue(pool.kernel() <= h + 2 * pool.padding() && pool.kernel() <= w + 2 * pool.padding(),
                    "convolutions[%d].pooling: kernel %d does not fit the padded conv output (smaller padded side %d)",
                    i,
                    pool.kernel(), (long) Math.min(h, w) + 2L * pool.padding());
            h = Im2Col.outputSize(h, pool.kernel(), pool.stride(), pool.padding());
            w = Im2Col.outputSize(w, pool.kernel(), pool.stride(), pool.padding());
            shapes.add(new FeatureShape(c, h, w));
        }
        return List.copyOf(shapes);
    }
}
