package dev.candor.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.SharedData;
import dev.candor.explain.Background;
import dev.candor.explain.Model;
import dev.candor.explain.shap.CoalitionSampling;
import dev.candor.explain.shap.KernelShap;
import java.io.IOException;
import java.util.Locale;

/**
 * The accuracy of sampled KernelSHAP against exact Shapley values: the golden German-credit logistic
 * model (M = 24, {@code golden/explain/german_model.json}), its 50 background rows, the 10 rows of
 * {@code german_shap_sampled.json} whose exact values come from all 2^24 coalitions. For every budget
 * and both {@link CoalitionSampling} schemes it prints the mean absolute error over 30 seeds, 10 rows
 * and 24 features, its standard error over seeds, and the ratio Leverage / shap scheme. shap's own
 * error at 512 (from the golden file, 30 numpy seeds) is printed for comparison.
 *
 * <pre>java -Dcandor.shared=../shared -cp benchmarks/target/benchmarks.jar dev.candor.benchmarks.ShapAccuracy [seeds] [budgets...]</pre>
 */
public final class ShapAccuracy {

    private ShapAccuracy() {
    }

    /**
     * @param args optional: the number of seeds (default 30), then the budgets (default 64 .. 2048)
     * @throws IOException if a golden file cannot be read
     */
    public static void main(String[] args) throws IOException {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int[] budgets = {64, 128, 256, 512, 1024, 2048};
        if (args.length > 1) {
            budgets = new int[args.length - 1];
            for (int i = 1; i < args.length; i++) {
                budgets[i - 1] = Integer.parseInt(args[i]);
            }
        }
        Model model = GermanLogistic.load().model(GermanLogistic.Form.GOLDEN);
        Background bg = Background.of(KernelShapBenchmark.csv(SharedData.golden("explain/german_background.csv"), 1,
                0, 50, ",", 24));
        JsonNode golden = new ObjectMapper().readTree(SharedData.golden("explain/german_shap_sampled.json").toFile());
        JsonNode inst = golden.get("instances");
        int n = inst.size();
        double[][] rows = new double[n][];
        double[][] exact = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = GermanLogistic.doubles(inst.get(i).get("x"));
            exact[i] = GermanLogistic.doubles(inst.get(i).get("exact"));
        }
        System.out.printf(Locale.ROOT, "M = 24, background 50, %d rows, %d seeds; MAE against exact Shapley values "
                + "(mean over seeds, rows, features) +- standard error over seeds%n", n, seeds);
        System.out.printf(Locale.ROOT, "%-8s %-22s %-22s %-8s%n", "budget", "shap scheme", "Leverage SHAP", "ratio");
        for (int budget : budgets) {
            double[] shapErr = error(model, bg, rows, exact, budget, seeds, CoalitionSampling.SHAP);
            double[] levErr = error(model, bg, rows, exact, budget, seeds, CoalitionSampling.LEVERAGE);
            System.out.printf(Locale.ROOT, "%-8d %.3e +- %.1e    %.3e +- %.1e    %.3f%n", budget, shapErr[0],
                    shapErr[1], levErr[0], levErr[1], levErr[0] / shapErr[0]);
        }
        System.out.printf(Locale.ROOT, "shap 0.51.0 KernelExplainer at 512 (golden file, numpy seeds 0..29): %.3e%n",
                golden.get("mae_vs_exact_mean_over_instances").asDouble());
    }

    /** @return {mean absolute error, its standard error over seeds} */
    static double[] error(Model model, Background bg, double[][] rows, double[][] exact, int budget, int seeds,
                          CoalitionSampling sampling) {
        double[] perSeed = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            double[][] v = KernelShap.builder(model, bg).nsamples(budget).seed(s).sampling(sampling).threads(1)
                    .build().explainAll(rows).values();
            double e = 0;
            for (int i = 0; i < rows.length; i++) {
                for (int j = 0; j < exact[i].length; j++) {
                    e += Math.abs(v[i][j] - exact[i][j]);
                }
            }
            perSeed[s] = e / (rows.length * exact[0].length);
        }
        double mean = 0;
        for (double e : perSeed) {
            mean += e;
        }
        mean /= seeds;
        double ss = 0;
        for (double e : perSeed) {
            ss += (e - mean) * (e - mean);
        }
        return new double[] {mean, seeds > 1 ? Math.sqrt(ss / (seeds - 1) / seeds) : Double.NaN};
    }
}
