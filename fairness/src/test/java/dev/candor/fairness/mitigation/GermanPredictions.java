package dev.candor.fairness.mitigation;

import dev.candor.core.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/** The columns of the golden {@code fairness/german_predictions.csv} that reweighing tests need. */
record GermanPredictions(String[] sex, String[] ageGroup, int[] credit, double[] weight) {

    static GermanPredictions load() {
        try {
            List<String> lines = Files.readAllLines(SharedData.golden("fairness/german_predictions.csv"));
            if (!lines.get(0).equals("row,sex,age,age_group,credit,pred,score,weight")) {
                throw new IllegalStateException("unexpected header " + lines.get(0));
            }
            int n = lines.size() - 1;
            String[] sex = new String[n];
            String[] age = new String[n];
            int[] credit = new int[n];
            double[] weight = new double[n];
            for (int i = 0; i < n; i++) {
                String[] f = lines.get(i + 1).split(",", -1);
                sex[i] = f[1];
                age[i] = f[3];
                credit[i] = Integer.parseInt(f[4]);
                weight[i] = Double.parseDouble(f[7]);
            }
            return new GermanPredictions(sex, age, credit, weight);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
