package dev.candor.monitor.window;

import dev.candor.core.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads {@code shared/golden/monitoring/bank_predictions.csv} into monitor rows (no quoting in that file). */
final class BankMonitoring {

    static final List<String> NUMERIC = List.of("age", "balance", "day", "campaign", "pdays", "previous");
    static final List<String> CATEGORICAL = List.of("job", "marital", "education", "default", "housing", "loan",
            "contact", "month", "poutcome");
    static final WindowSchema SCHEMA = new WindowSchema(NUMERIC, CATEGORICAL, List.of("age_group", "marital"));

    private static List<WindowRow> rows;

    private BankMonitoring() {
    }

    static synchronized List<WindowRow> rows() {
        if (rows == null) {
            try {
                List<String> lines = Files.readAllLines(SharedData.golden("monitoring/bank_predictions.csv"));
                List<String> header = Arrays.asList(lines.get(0).split(","));
                List<WindowRow> out = new ArrayList<>();
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
                    out.add(new WindowRow(Long.parseLong(f[header.indexOf("row")]), num, cat,
                            Integer.parseInt(f[header.indexOf("y")]), Double.parseDouble(f[header.indexOf("score")]),
                            Integer.parseInt(f[header.indexOf("pred")]),
                            new String[] {f[header.indexOf("age_group")], f[header.indexOf("marital")]}));
                }
                rows = List.copyOf(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rows;
    }

    static MonitorData reference() {
        return new MonitorData(SCHEMA, rows().subList(0, 10000), null);
    }

    static MonitorData current() {
        return new MonitorData(SCHEMA, rows().subList(10000, rows().size()), null);
    }
}
