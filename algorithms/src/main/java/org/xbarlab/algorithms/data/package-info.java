/**
 * Data sets for learning on the simulated chip: MNIST, Fashion-MNIST and a small synthetic set.
 *
 * <p>What belongs here: reading and writing the IDX file format ({@link org.xbarlab.algorithms.data.IdxReader},
 * {@link org.xbarlab.algorithms.data.IdxWriter}), the in-memory data set
 * ({@link org.xbarlab.algorithms.data.Dataset}), the catalogue of known data sets with their expected SHA-256 sums
 * ({@link org.xbarlab.algorithms.data.DatasetKind}), where they live on disk
 * ({@link org.xbarlab.algorithms.data.DataDirectory}: {@code $XBARLAB_DATA_DIR}, else {@code ~/.xbarlab/data}),
 * loading by kind and split ({@link org.xbarlab.algorithms.data.Datasets}), downloading them from the npm and
 * Debian packages that ship them ({@link org.xbarlab.algorithms.data.DatasetFetcher}), and a deterministic generated
 * set for fast tests ({@link org.xbarlab.algorithms.data.SyntheticDataset}).
 *
 * <p>What does not: preprocessing for a particular network or learning rule (normalisation, encoding into pulses
 * or spikes, batching policies) belongs with the algorithm that needs it; printing progress belongs to the command
 * line, which renders the {@link org.xbarlab.core.progress.Progress} reports of the fetcher.
 *
 * <p>Every error about a data file is a {@link org.xbarlab.algorithms.data.DatasetException} whose message names the
 * file, what was wrong, what was expected and how to fix it. Data files are never committed to the repository.
 * See {@code docs/datasets.md}.
 */
package org.xbarlab.algorithms.data;
