package dev.candor.explain.lime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Computes a {@link LimeStability} from repeated explanations of one row. */
final class StabilitySummary {

    private StabilitySummary() {
    }

    static LimeStability of(List<LimeExplanation> runs, int k, int m) {
        int r = runs.size();
        double[] mean = new double[m];
        double[] sd = new double[m];
        int[] inTop = new int[m];
        boolean[][] top = new boolean[r][];
        for (int t = 0; t < r; t++) {
            double[] w = runs.get(t).weights();
            for (int j = 0; j < m; j++) {
                mean[j] += w[j] / r;
            }
            top[t] = topK(w, k);
            for (int j = 0; j < m; j++) {
                if (top[t][j]) {
                    inTop[j]++;
                }
            }
        }
        for (LimeExplanation e : runs) {
            double[] w = e.weights();
            for (int j = 0; j < m; j++) {
                double d = w[j] - mean[j];
                sd[j] += d * d;
            }
        }
        for (int j = 0; j < m; j++) {
            sd[j] = r > 1 ? Math.sqrt(sd[j] / (r - 1)) : Double.NaN;
        }
        boolean[] nearTie = new boolean[m];
        for (int j = 0; j < m; j++) {
            nearTie[j] = inTop[j] > 0 && inTop[j] < r;
        }
        Integer[] byMean = new Integer[m];
        for (int j = 0; j < m; j++) {
            byMean[j] = j;
        }
        Arrays.sort(byMean, (a, b) -> Double.compare(Math.abs(mean[b]), Math.abs(mean[a])));
        if (k < m && r > 1) {
            int a = byMean[k - 1];
            int b = byMean[k];
            double gap = Math.abs(mean[a]) - Math.abs(mean[b]);
            if (Math.abs(mean[b]) > 0 && gap < 2 * Math.sqrt(sd[a] * sd[a] + sd[b] * sd[b])) {
                nearTie[a] = true;
                nearTie[b] = true;
            }
        }
        List<LimeStability.FeatureStability> fs = new ArrayList<>(m);
        List<String> cond = runs.get(0).conditions();
        for (int j = 0; j < m; j++) {
            fs.add(new LimeStability.FeatureStability(j, cond.get(j), mean[j], sd[j], (double) inTop[j] / r,
                    nearTie[j]));
        }
        double jac = Double.NaN;
        if (r > 1) {
            double sum = 0;
            long pairs = 0;
            for (int s = 0; s < r; s++) {
                for (int t = s + 1; t < r; t++) {
                    int inter = 0;
                    int union = 0;
                    for (int j = 0; j < m; j++) {
                        if (top[s][j] && top[t][j]) {
                            inter++;
                        }
                        if (top[s][j] || top[t][j]) {
                            union++;
                        }
                    }
                    sum += union == 0 ? 1.0 : (double) inter / union;
                    pairs++;
                }
            }
            jac = sum / pairs;
        }
        double sMean = 0;
        for (LimeExplanation e : runs) {
            sMean += e.score() / r;
        }
        double sVar = 0;
        for (LimeExplanation e : runs) {
            sVar += (e.score() - sMean) * (e.score() - sMean);
        }
        double sStd = r > 1 ? Math.sqrt(sVar / (r - 1)) : Double.NaN;
        return new LimeStability(r, k, fs, jac, sMean, sStd, runs);
    }

    /** The k largest |weight| features (ties to the lower index), zero weights excluded. */
    static boolean[] topK(double[] w, int k) {
        int m = w.length;
        Integer[] order = new Integer[m];
        for (int j = 0; j < m; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(Math.abs(w[b]), Math.abs(w[a])));
        boolean[] in = new boolean[m];
        for (int t = 0; t < Math.min(k, m); t++) {
            if (w[order[t]] != 0) {
                in[order[t]] = true;
            }
        }
        return in;
    }
}
