package dev.candor.monitor;

import dev.candor.core.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The UCI Adult rows as the golden drift files read them: split on ',', trim, skip the first line of
 * adult.test, drop rows with any '?', keep file order. Read in place from the shared directory.
 */
final class AdultSamples {

    static final List<String> NUMERIC = List.of("age", "fnlwgt", "education-num", "capital-gain", "capital-loss",
            "hours-per-week");
    static final List<String> CATEGORICAL = List.of("workclass", "education", "marital-status", "occupation",
            "relationship", "race", "sex", "native-country");
    private static final List<String> COLUMNS = List.of("age", "workclass", "fnlwgt", "education", "education-num",
            "marital-status", "occupation", "relationship", "race", "sex", "capital-gain", "capital-loss",
            "hours-per-week", "native-country", "income");

    private static List<String[]> train;
    private static List<String[]> test;

    private AdultSamples() {
    }

    static synchronized List<String[]> train() {
        if (train == null) {
            train = read("adult.data", false);
        }
        return train;
    }

    static synchronized List<String[]> test() {
        if (test == null) {
            test = read("adult.test", true);
        }
        return test;
    }

    private static List<String[]> read(String file, boolean skipFirst) {
        Path dir = SharedData.datasetsDir().orElseThrow().resolve("adult");
        try {
            List<String> lines = Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
            List<String[]> rows = new ArrayList<>();
            for (int i = skipFirst ? 1 : 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                boolean missing = false;
                for (int k = 0; k < f.length; k++) {
                    f[k] = f[k].strip();
                    missing |= f[k].equals("?");
                }
                if (!missing) {
                    rows.add(f);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int column(String name) {
        return COLUMNS.indexOf(name);
    }

    static List<String[]> first(List<String[]> rows, int n) {
        return rows.subList(0, n);
    }

    static List<String[]> where(List<String[]> rows, Predicate<String[]> p) {
        return rows.stream().filter(p).toList();
    }

    static FeatureSamples samples(String feature, List<String[]> ref, List<String[]> cur) {
        int c = column(feature);
        if (NUMERIC.contains(feature)) {
            return FeatureSamples.numeric(feature, ref.stream().mapToDouble(r -> Double.parseDouble(r[c])).toArray(),
                    cur.stream().mapToDouble(r -> Double.parseDouble(r[c])).toArray());
        }
        return FeatureSamples.categorical(feature, ref.stream().map(r -> r[c]).toArray(String[]::new),
                cur.stream().map(r -> r[c]).toArray(String[]::new));
    }

    /** Reference and current rows of a golden scenario. */
    static List<List<String[]>> scenario(String name) {
        return switch (name) {
            case "no_drift" -> List.of(train(), test());
            case "drift" -> List.of(train(), where(test(), r -> Integer.parseInt(r[0]) >= 40));
            case "small" -> List.of(first(train(), 500), first(test(), 300));
            case "small_equal_n" -> List.of(first(train(), 300), first(test(), 300));
            case "identical" -> List.of(first(train(), 300), first(train(), 300));
            default -> throw new IllegalArgumentException(name);
        };
    }
}
