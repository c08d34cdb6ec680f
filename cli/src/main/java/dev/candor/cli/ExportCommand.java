package dev.candor.cli;

import dev.candor.core.AtomicFiles;
import dev.candor.datasets.Dataset;
import dev.candor.datasets.Datasets;
import dev.candor.datasets.Feature;
import dev.candor.datasets.ProtectedAttribute;
import dev.candor.datasets.TrainTestSplit;
import dev.candor.models.ClassifierTrainer;
import dev.candor.models.TrainedClassifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code candor datasets export}: writes a built-in dataset as a CSV file, or, with
 * {@code --predictions}, a predictions file made from it (a model trained on a stratified split,
 * its predictions on the held-out rows), so every command that reads a file can be tried without
 * data of one's own.
 *
 * @since 0.1.0
 */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = CandorCli.Version.class,
        description = {"Write a built-in dataset as CSV (the label as 1 = favorable / 0), or with --predictions a "
                + "predictions file for 'candor audit': the protected columns, y_true, y_pred and score of the "
                + "held-out rows, predicted by a model trained on the rest.",
            "Example: candor datasets export synthetic-credit --predictions --out preds.csv"})
final class ExportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", converter = ReportCommand.DatasetName.class,
            description = "A built-in dataset (see 'candor datasets list').")
    String name;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The CSV file to write (its directory must exist; written atomically).")
    Path out;

    @Option(names = "--predictions",
            description = "Write a predictions file (protected columns, y_true, y_pred, score) instead of the data.")
    boolean predictions;

    @Option(names = "--model", paramLabel = "KIND", defaultValue = "logistic", converter = ModelChoice.Converter.class,
            completionCandidates = ModelChoice.Names.class,
            description = "With --predictions: the classifier, ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ModelChoice model;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "With --predictions: the seed of the split and the model (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.3",
            description = "With --predictions: the share of rows held out and predicted (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Override
    public Integer call() throws IOException {
        OutputPaths.of().fileOutput("--out", out).check();
        AtomicFiles.check(out);
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--test-fraction must be strictly between 0 and 1, got " + testFraction);
        }
        Dataset d = Datasets.load(name);
        StringBuilder csv = new StringBuilder();
        int rows;
        if (predictions) {
            TrainTestSplit s = d.split(testFraction, seed);
            TrainedClassifier trained = ClassifierTrainer.of(model.kind()).withSeed(seed).train(s.train());
            Dataset test = s.test();
            double[] scores = trained.predictProba(test);
            List<String> header = new ArrayList<>();
            test.protectedAttributes().forEach(a -> header.add(a.name()));
            header.addAll(List.of("y_true", "y_pred", "score"));
            line(csv, header);
            for (int i = 0; i < test.rows(); i++) {
                List<String> row = new ArrayList<>();
                for (ProtectedAttribute a : test.protectedAttributes()) {
                    row.add(a.value(i));
                }
                row.add(String.valueOf(test.labels()[i]));
                row.add(scores[i] >= 0.5 ? "1" : "0");
                row.add(String.format(Locale.ROOT, "%.6f", scores[i]));
                line(csv, row);
            }
            rows = test.rows();
        } else {
            List<String> header = new ArrayList<>(d.featureNames());
            List<ProtectedAttribute> extra = d.protectedAttributes().stream()
                    .filter(a -> !d.featureNames().contains(a.name())).toList();
            extra.forEach(a -> header.add(a.name()));
            header.add(d.labelName());
            if (d.weights() != null) {
                header.add("weight");
            }
            line(csv, header);
            List<Feature> features = d.features();
            for (int i = 0; i < d.rows(); i++) {
                List<String> row = new ArrayList<>();
                for (int j = 0; j < features.size(); j++) {
                    row.add(features.get(j).format(d.value(i, j)));
                }
                for (ProtectedAttribute a : extra) {
                    row.add(a.value(i));
                }
                row.add(String.valueOf(d.labels()[i]));
                if (d.weights() != null) {
                    row.add(Double.toString(d.weights()[i]));
                }
                line(csv, row);
            }
            rows = d.rows();
        }
        AtomicFiles.writeString(out, csv.toString());
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "wrote %s: %d rows of %s%s; label %s (1 = '%s'); protected %s%n", out, rows, name,
                predictions ? " predicted by " + model.kind().label() + " (held-out rows)" : "",
                predictions ? "y_true" : d.labelName(), d.favorableValue(),
                d.protectedAttributes().stream().map(a -> a.name() + (a.privileged().isEmpty() ? ""
                        : " (privileged " + String.join(",", a.privileged()) + ")")).toList());
        o.flush();
        return 0;
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i > 0) {
                sb.append(',');
            }
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        sb.append('\n');
    }
}
