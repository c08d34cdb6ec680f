package dev.candor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.SharedData;
import dev.candor.monitor.window.Monitor;
import dev.candor.monitor.window.MonitorData;
import dev.candor.monitor.window.MonitoringResult;
import dev.candor.monitor.window.WindowRow;
import dev.candor.monitor.window.WindowSchema;
import dev.candor.monitor.window.Windowing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The golden Bank monitoring run (shared/golden/monitoring): rows 0..9999 as the reference, windows
 * of 5,000 rows, age_group (privileged ge25) and marital protected, sklearn's recorded calibration
 * folds; read from bank_predictions.csv, which has no quoting.
 */
public final class BankMonitoringRun {

    static final List<String> NUMERIC = List.of("age", "balance", "day", "campaign", "pdays", "previous");
    static final List<String> CATEGORICAL = List.of("job", "marital", "education", "default", "housing", "loan",
            "contact", "month", "poutcome");

    private static MonitoringResult result;
    private static JsonNode golden;

    private BankMonitoringRun() {
    }

    /** @return the golden JSON */
    public static synchronized JsonNode golden() {
        if (golden == null) {
            try {
                golden = new ObjectMapper().readTree(SharedData.golden("monitoring/bank_monitoring.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return golden;
    }

    /** @return the monitoring result, computed once, with 100 bootstrap resamples for the intervals */
    public static synchronized MonitoringResult result() {
        if (result != null) {
            return result;
        }
        try {
            List<String> lines = Files.readAllLines(SharedData.golden("monitoring/bank_predictions.csv"));
            List<String> header = Arrays.asList(lines.get(0).split(","));
            WindowSchema schema = new WindowSchema(NUMERIC, CATEGORICAL, List.of("age_group", "marital"));
            List<WindowRow> rows = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",", -1);
                double[] num = new double[NUMERIC.size()];
                for (int j = 0; j < num.length; j++) {
                    num[j] = Double.parseDouble(f[header.indexOf(NUMERIC.get(j))]);
                }
                String[] cat = new String[CATEGORICAL.size()];
                for (int j = 0; j < cat.length; j++) {
                    cat[j] = f[header.indexOf(CATEGORICAL.get(j))];
                }
                rows.add(new WindowRow(Long.parseLong(f[header.indexOf("row")]), num, cat,
                        Integer.parseInt(f[header.indexOf("y")]), Double.parseDouble(f[header.indexOf("score")]),
                        Integer.parseInt(f[header.indexOf("pred")]),
                        new String[] {f[header.indexOf("age_group")], f[header.indexOf("marital")]}));
            }
            List<int[]> folds = new ArrayList<>();
            for (JsonNode fold : golden().get("cbpe").get("calibration").get("folds_test_positions")) {
                int[] t = new int[fold.size()];
                for (int i = 0; i < t.length; i++) {
                    t[i] = fold.get(i).asInt();
                }
                folds.add(t);
            }
            result = Monitor.builder(new MonitorData(schema, rows.subList(0, 10000), null))
                    .windowing(Windowing.bySize(5000))
                    .privileged("age_group", "ge25")
                    .calibrationFolds(folds)
                    .bootstrap(100)
                    .model("bank-logistic")
                    .build()
                    .run(new MonitorData(schema, rows.subList(10000, rows.size()), null));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
