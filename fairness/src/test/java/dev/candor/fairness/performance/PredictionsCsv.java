package dev.candor.fairness.performance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The golden prediction files (comma-separated, no quoting), read column by column. */
final class PredictionsCsv {
    private final List<String> header;
    private final List<String[]> rows;

    private PredictionsCsv(List<String> header, List<String[]> rows) {
        this.header = header;
        this.rows = rows;
    }

    static PredictionsCsv read(Path p) {
        try {
            List<String> lines = Files.readAllLines(p);
            return new PredictionsCsv(Arrays.asList(lines.get(0).split(",")), lines.subList(1, lines.size()).stream()
                    .filter(l -> !l.isEmpty()).map(l -> l.split(",", -1)).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return rows.size();
    }

    String[] strings(String column) {
        int c = header.indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException("no column " + column);
        }
        return rows.stream().map(r -> r[c]).toArray(String[]::new);
    }

    int[] ints(String column) {
        return Arrays.stream(strings(column)).mapToInt(Integer::parseInt).toArray();
    }

    double[] doubles(String column) {
        return Arrays.stream(strings(column)).mapToDouble(Double::parseDouble).toArray();
    }
}
