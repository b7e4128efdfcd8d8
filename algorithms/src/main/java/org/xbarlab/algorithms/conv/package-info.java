/**
 * Convolutional networks on crossbar tiles: {@link org.xbarlab.algorithms.conv.Im2Col} unfolds input patches so
 * that a convolution becomes one batched matrix product on a {@link org.xbarlab.crossbar.Crossbar} of
 * {@code filters × (kernel·kernel·channels)} ({@link org.xbarlab.algorithms.conv.ConvLayer}), with pooling
 * ({@link org.xbarlab.algorithms.conv.Pooling}), the seed paper's fixed random pruning of conv weights
 * ({@link org.xbarlab.algorithms.conv.Pruning}), the network description ({@link
 * org.xbarlab.algorithms.conv.ConvNetConfig}, with a parser for the paper's compact notation such as
 * {@code 32f5-128f3-3000}), the network itself ({@link org.xbarlab.algorithms.conv.ConvNetwork}) and its
 * unsupervised training toward the k-WTA target ({@link org.xbarlab.algorithms.conv.CnnWtaTrainer}).
 *
 * <p>Tensors are flat {@code float[]} arrays in planar layout, {@code batch × channels × height × width}
 * (PyTorch's NCHW, so flattening a conv output for a dense layer is the identity). Dense layers, activations and
 * optimizers come from {@code org.xbarlab.algorithms.network}; the data readers for colour data sets live in
 * {@code org.xbarlab.algorithms.data}. See {@code docs/cnn.md}.
 */
package org.xbarlab.algorithms.conv;
