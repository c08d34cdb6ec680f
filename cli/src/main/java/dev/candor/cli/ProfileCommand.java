package dev.candor.cli;

import dev.candor.core.AtomicFiles;
import dev.candor.core.BadInputException;
import dev.candor.datasets.CsvTable;
import dev.candor.monitor.DatasetProfile;
import dev.candor.monitor.FeatureProfile;
import dev.candor.monitor.ReferenceBins;
import dev.candor.report.ProfileJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code candor profile}: a mergeable profile of a data file, to keep instead of the raw reference
 * (see {@link DatasetProfile}). Numeric features are binned over Sturges edges of their own values,
 * fixed from this file; values outside them and categories never seen fall into explicit leftover
 * cells when later batches are added. Columns are chosen and typed as {@code candor drift} does.
 *
 * @since 0.1.0
 */
@Command(name = "profile",
        mixinStandardHelpOptions = true,
        description = {"A mergeable profile of a data file (counts, bins fixed from it, moments, quantile "
                + "sketches, missing counts), written as JSON."})
public final class ProfileCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DataFileOptions file = new DataFileOptions();

    @Option(names = "--numeric", split = ",", paramLabel = "COLUMN", description = "Numeric features.")
    List<String> numeric = new ArrayList<>();

    @Option(names = "--categorical", split = ",", paramLabel = "COLUMN", description = "Categorical features.")
    List<String> categorical = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The profile (JSON).")
    java.nio.file.Path out;

    @Override
    public Integer call() throws IOException {
        OutputPaths.of().input("--data", file.data).fileOutput("--out", out).check();
        CsvTable t = CsvTable.read(file.data, file.separator);
        List<FeatureProfile> profiles = new ArrayList<>();
        for (Map.Entry<String, Boolean> f : FeatureColumns.select(numeric, categorical, List.of(t)).entrySet()) {
            if (f.getValue()) {
                double[] v = FeatureColumns.numbers(t, f.getKey());
                double[] present = java.util.Arrays.stream(v).filter(x -> !Double.isNaN(x)).toArray();
                if (present.length == 0) {
                    throw new BadInputException(file.data + ": column '" + f.getKey() + "': every value is missing; "
                            + "there is nothing to bin");
                }
                FeatureProfile p = FeatureProfile.numeric(f.getKey(), ReferenceBins.sturges(present));
                for (double x : v) {
                    p = p.add(x);
                }
                profiles.add(p);
            } else {
                FeatureProfile p = FeatureProfile.categorical(f.getKey());
                for (String s : FeatureColumns.strings(t, f.getKey())) {
                    p = p.add(s);
                }
                profiles.add(p);
            }
        }
        DatasetProfile profile = DatasetProfile.of(profiles);
        AtomicFiles.writeString(out, ProfileJson.toJson(profile, file.data.getFileName().toString()));
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "profiled %d rows, %d features -> %s%n", t.rows(), profiles.size(), out);
        w.flush();
        return CandorCli.EXIT_OK;
    }
}
