package dev.candor.cli;

import dev.candor.core.AtomicFiles;
import dev.candor.monitor.DatasetProfile;
import dev.candor.report.ProfileJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * <p>The file (gzip-compressed when its name ends in {@code .gz}) is streamed by {@link FeatureStream}
 * in two passes, the first for the kinds and ranges that fix the bins, the second for the profile, so
 * memory does not grow with the file; progress goes to standard error every two seconds unless
 * {@code --quiet}. The profile equals the one built from the whole file in memory.
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

    @Option(names = "--quiet", description = "Print no progress on standard error while a long file is read.")
    boolean quiet;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The profile (JSON).")
    java.nio.file.Path out;

    @Override
    public Integer call() throws IOException {
        OutputPaths.of().input("--data", file.data).fileOutput("--out", out).check();
        long[] rows = new long[1];
        DatasetProfile profile = new FeatureStream(file.separator, quiet ? null : spec.commandLine().getErr(), "profile")
                .profile(file.data, numeric, categorical, rows);
        AtomicFiles.writeString(out, ProfileJson.toJson(profile, file.data.getFileName().toString()));
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "profiled %d rows, %d features -> %s%n", rows[0], profile.features().size(), out);
        w.flush();
        return CandorCli.EXIT_OK;
    }
}
