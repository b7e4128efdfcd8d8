/**
 * The calibration input formats (docs/calibration.md): pulse-response cycles ({@link PulseResponseData}), drift
 * ({@link DriftData}) and programming ({@link ProgrammingData}), each a CSV file with a header whose columns are
 * looked up by name. Readers validate every field and every ordering rule and fail with a
 * {@link org.xbarlab.calibration.CalibrationDataException} that names the file, the row, the column and the problem;
 * a file that cannot be read fails with an {@link java.io.UncheckedIOException}. What does not belong here: fitting.
 */
package org.xbarlab.calibration.data;
