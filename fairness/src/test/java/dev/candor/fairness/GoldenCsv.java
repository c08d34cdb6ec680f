package dev.candor.fairness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads the golden predictions CSVs (plain comma-separated, no quoting) column by column. */
public final class GoldenCsv {
    private final List<String> header;
    private final List<String[]> rows;

    private GoldenCsv(List<String> header, List<String[]> rows) {
        this.header = header;
        this.rows = rows;
    }

    public static GoldenCsv read(Path p) {
        try {
            List<String> lines = Files.readAllLines(p);
            List<String> header = Arrays.asList(lines.get(0).split(","));
            List<String[]> rows = lines.subList(1, lines.size()).stream().filter(l -> !l.isEmpty())
                    .map(l -> l.split(",", -1)).toList();
            return new GoldenCsv(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return rows.size();
    }

    public String[] strings(String column) {
        int c = header.indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException("no column " + column);
        }
        return rows.stream().map(r -> r[c]).toArray(String[]::new);
    }

    public int[] ints(String column) {
        return Arrays.stream(strings(column)).mapToInt(Integer::parseInt).toArray();
    }

    public double[] doubles(String column) {
        return Arrays.stream(strings(column)).mapToDouble(Double::parseDouble).toArray();
    }
}
