package dev.candor.monitor;

import java.util.List;

/**
 * Whether the dataset as a whole drifted (Evidently's {@code get_dataset_drift}): the share of
 * features whose default test flags drift, compared with {@code driftShare} ({@code >=}).
 *
 * @param driftShare             the share of drifted features that makes the dataset drift (0.5)
 * @param numberOfColumns        the number of features
 * @param numberOfDriftedColumns features whose test flagged drift
 * @param shareOfDriftedColumns  their share
 * @param datasetDrift           {@code share >= driftShare}
 * @param driftedColumns         the drifted features, in input order
 * @since 0.1.0
 */
public record DatasetDrift(double driftShare, int numberOfColumns, int numberOfDriftedColumns,
        double shareOfDriftedColumns, boolean datasetDrift, List<String> driftedColumns) {

    /** Evidently's default drift share. */
    public static final double DEFAULT_DRIFT_SHARE = 0.5;

    /** Copies the list. */
    public DatasetDrift {
        driftedColumns = List.copyOf(driftedColumns);
    }

    static DatasetDrift of(double driftShare, int columns, List<String> drifted) {
        double share = columns == 0 ? 0.0 : (double) drifted.size() / columns;
        return new DatasetDrift(driftShare, columns, drifted.size(), share, share >= driftShare, drifted);
    }
}
