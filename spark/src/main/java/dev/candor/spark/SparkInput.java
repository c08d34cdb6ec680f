package dev.candor.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/**
 * The input options every {@code candor-spark} command shares — the format and separator of the
 * data, and the Spark master — with the session and the reader they configure. A picocli mixin.
 */
final class SparkInput {

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT",
            description = "parquet, csv (header row, read as text), orc or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--separator", defaultValue = ",", paramLabel = "CHAR",
            description = "Field separator of CSV input (default: '${DEFAULT-VALUE}').")
    String separator;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[2]; default: the one spark-submit sets, else local[*].")
    String master;

    /** @return the session for {@code app} on the chosen master */
    SparkSession session(String app) {
        return CandorSparkMain.session(master, app);
    }

    /** @return the data at {@code path} in the chosen format */
    Dataset<Row> read(SparkSession session, String path) {
        return CandorSparkMain.read(session, format, separator, path);
    }

    /** Stops the session when this command started it (a master was given); spark-submit's stays. */
    void stop(SparkSession session) {
        if (master != null) {
            session.stop();
        }
    }
}
