package dev.candor.cli;


import dev.candor.datasets.CsvDatasets;
import dev.candor.datasets.Dataset;
import dev.candor.datasets.DatasetSummary;
import dev.candor.datasets.Datasets;
import dev.candor.datasets.DroppedRows;
import dev.candor.datasets.Feature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code candor datasets}: lists the built-in datasets and describes one of them, or a CSV file read
 * with a spec given as options.
 *
 * @since 0.1.0
 */
@Command(name = "datasets",
        description = "List the built-in datasets, or describe one (or a CSV file).",
        mixinStandardHelpOptions = true, versionProvider = CandorCli.Version.class,
        subcommands = {DatasetsCommand.ListCommand.class, DatasetsCommand.DescribeCommand.class, ExportCommand.class})
public final class DatasetsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code candor datasets list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = CandorCli.Version.class,
            description = "List the built-in datasets (names usable with 'describe' and 'report --dataset').")
    static final class ListCommand implements Runnable {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            for (Datasets.Entry e : Datasets.entries()) {
                out.printf(Locale.ROOT, "%-18s %s%n", e.name(), e.description());
            }
            out.flush();
        }
    }

    /** {@code candor datasets describe NAME}. */
    @Command(name = "describe", mixinStandardHelpOptions = true, versionProvider = CandorCli.Version.class,
            description = {"Describe a dataset: rows, columns with kinds, label and favorable value, protected "
                    + "attributes with per-group counts and base rates, and rows dropped by the loader's rules.",
                "NAME is a built-in dataset (see 'candor datasets list') or a CSV file; a CSV file needs "
                    + "--label, and columns not named by an option get an inferred kind, which is reported."})
    static final class DescribeCommand implements java.util.concurrent.Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "A built-in dataset name or a CSV file.")
        String name;

        @CommandLine.Mixin
        DatasetSpecOptions csv = new DatasetSpecOptions();

        @CommandLine.Mixin
        ProtectedOptions prot = new ProtectedOptions();

        @Option(names = "--weights", paramLabel = "COLUMN", description = "CSV: the sample-weight column.")
        String weights;

        @Option(names = "--separator", paramLabel = "CHAR", defaultValue = ",",
                converter = DataFileOptions.SeparatorConverter.class,
                description = "CSV: the field separator, one character; \\t or 'tab' for a tab (default: '${DEFAULT-VALUE}').")
        char separator = ',';

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            Dataset d;
            List<CsvDatasets.ColumnReport> columns = List.of();
            if (Datasets.contains(name)) {
                if (csv.anyGiven() || prot.anyGiven() || weights != null) {
                    throw new ParameterException(spec.commandLine(), "'" + name + "' is a built-in dataset; the CSV options "
                            + "(--label, --protected, --privileged, --categorical, --numeric, --weights) apply to files only");
                }
                d = Datasets.load(name);
            } else {
                Path file = Paths.get(name);
                if (!Files.exists(file)) {
                    throw new ParameterException(spec.commandLine(), "NAME: '" + name + "' is neither a built-in dataset "
                            + Datasets.names() + " nor an existing file");
                }
                if (csv.label == null) {
                    throw new ParameterException(spec.commandLine(), "--label: describing the CSV file " + file
                            + " needs --label COLUMN (and usually --protected COLUMN)");
                }
                CsvDatasets.Result r = CsvDatasets.readWithReport(file, csv.toSpec(prot, weights, separator));
                d = r.dataset();
                columns = r.columns();
            }
            print(out, d, columns);
            out.flush();
            return 0;
        }
    }

    static void print(PrintWriter out, Dataset d, List<CsvDatasets.ColumnReport> csvColumns) {
        DatasetSummary s = d.describe();
        out.printf(Locale.ROOT, "dataset   %s%n", s.name());
        out.printf(Locale.ROOT, "rows      %d%n", s.rows());
        out.printf(Locale.ROOT, "label     %s, favorable value \"%s\": %d favorable, %d unfavorable, base rate %.4f%n",
                s.labelName(), s.favorableValue(), s.favorable(), s.unfavorable(), s.baseRate());
        out.printf(Locale.ROOT, "weights   %s%n", s.weighted() ? "yes" : "none");
        long numericCount = s.features().stream().filter(f -> !f.isCategorical()).count();
        out.printf(Locale.ROOT, "%ncolumns   %d features (%d numeric, %d categorical)%n", s.features().size(),
                numericCount, s.features().size() - numericCount);
        for (Feature f : s.features()) {
            if (f.isCategorical()) {
                out.printf(Locale.ROOT, "  %-24s categorical  %d levels: %s%n", f.name(), f.levels().size(),
                        abbreviate(f.levels()));
            } else {
                out.printf(Locale.ROOT, "  %-24s numeric%n", f.name());
            }
        }
        List<CsvDatasets.ColumnReport> inferred = csvColumns.stream().filter(CsvDatasets.ColumnReport::inferred).toList();
        if (!inferred.isEmpty()) {
            out.printf(Locale.ROOT, "%ninferred column kinds (declare them with --numeric / --categorical to override)%n");
            for (CsvDatasets.ColumnReport c : inferred) {
                out.printf(Locale.ROOT, "  %-24s %-12s %s%n", c.column(), c.role(), c.reason());
            }
        }
        List<CsvDatasets.ColumnReport> ignored = csvColumns.stream().filter(c -> c.role().equals("ignored")).toList();
        if (!ignored.isEmpty()) {
            out.printf(Locale.ROOT, "ignored columns: %s%n", ignored.stream().map(CsvDatasets.ColumnReport::column).toList());
        }
        out.printf(Locale.ROOT, "%nprotected attributes%n");
        if (s.attributes().isEmpty()) {
            out.printf(Locale.ROOT, "  none%n");
        }
        for (DatasetSummary.AttributeSummary a : s.attributes()) {
            out.printf(Locale.ROOT, "  %s (privileged: %s)%n", a.name(),
                    a.privileged().isEmpty() ? "none" : String.join(", ", a.privileged().stream().sorted().toList()));
            out.printf(Locale.ROOT, "    %-24s %8s %10s %10s%s%n", "group", "rows", "favorable", "base rate",
                    s.weighted() ? String.format(Locale.ROOT, " %12s %14s", "weight", "weighted rate") : "");
            for (DatasetSummary.GroupSummary g : a.groups()) {
                out.printf(Locale.ROOT, "    %-24s %8d %10d %10.4f%s%n", g.value() + (g.privileged() ? " *" : ""),
                        g.count(), g.favorable(), g.baseRate(), s.weighted()
                                ? String.format(Locale.ROOT, " %12.4f %14.4f", g.weight(), g.weightedBaseRate()) : "");
            }
        }
        out.printf(Locale.ROOT, "%ndropped rows%n");
        if (s.dropped().isEmpty()) {
            out.printf(Locale.ROOT, "  none%n");
        }
        for (DroppedRows r : s.dropped()) {
            out.printf(Locale.ROOT, "  %6d  %s%n", r.count(), r.rule());
        }
        out.printf(Locale.ROOT, "(* privileged value)%n");
    }

    private static String abbreviate(List<String> levels) {
        if (levels.size() <= 8) {
            return String.join(", ", levels);
        }
        return String.join(", ", levels.subList(0, 8)) + ", ... (" + (levels.size() - 8) + " more)";
    }
}
