package dev.candor.cli;

import dev.candor.report.DriftHtml;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reference and current distributions of a feature for the drift page: shares of the non-missing
 * rows over ten equal-width bins spanning both samples (numeric), or over the categories (the 20 most
 * frequent in the reference, then every other one pooled as "(other)").
 */
final class Distributions {

    private static final int BINS = 10;
    private static final int MAX_CATEGORIES = 20;

    private Distributions() {
    }

    static DriftHtml.Distribution numeric(String feature, double[] ref, double[] cur) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] side : new double[][] {ref, cur}) {
            for (double v : side) {
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return new DriftHtml.Distribution(feature, new String[0], new double[0], new double[0]);
        }
        int bins = hi > lo ? BINS : 1;
        double width = hi > lo ? (hi - lo) / bins : 1;
        String[] labels = new String[bins];
        for (int k = 0; k < bins; k++) {
            labels[k] = String.format(Locale.ROOT, "%.4g–%.4g", lo + k * width, k == bins - 1 ? hi : lo + (k + 1) * width);
        }
        return new DriftHtml.Distribution(feature, labels, shares(ref, lo, width, bins), shares(cur, lo, width, bins));
    }

    private static double[] shares(double[] v, double lo, double width, int bins) {
        double[] s = new double[bins];
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s[Math.min(bins - 1, (int) ((x - lo) / width))]++;
                n++;
            }
        }
        for (int k = 0; k < bins; k++) {
            s[k] = n == 0 ? Double.NaN : s[k] / n;
        }
        return s;
    }

    static DriftHtml.Distribution categorical(String feature, String[] ref, String[] cur) {
        Map<String, Integer> refCounts = counts(ref);
        Map<String, Integer> curCounts = counts(cur);
        List<String> order = new ArrayList<>(refCounts.keySet());
        order.sort((a, b) -> Integer.compare(refCounts.get(b), refCounts.get(a)));
        for (String c : curCounts.keySet()) {
            if (!refCounts.containsKey(c)) {
                order.add(c);
            }
        }
        boolean pooled = order.size() > MAX_CATEGORIES;
        List<String> shown = pooled ? order.subList(0, MAX_CATEGORIES - 1) : order;
        String[] labels = new String[shown.size() + (pooled ? 1 : 0)];
        for (int i = 0; i < shown.size(); i++) {
            labels[i] = shown.get(i);
        }
        if (pooled) {
            labels[labels.length - 1] = "(other)";
        }
        return new DriftHtml.Distribution(feature, labels, shares(refCounts, shown, pooled),
                shares(curCounts, shown, pooled));
    }

    private static Map<String, Integer> counts(String[] v) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String s : v) {
            if (s != null) {
                m.merge(s, 1, Integer::sum);
            }
        }
        return m;
    }

    private static double[] shares(Map<String, Integer> counts, List<String> shown, boolean pooled) {
        int n = 0;
        for (int c : counts.values()) {
            n += c;
        }
        double[] s = new double[shown.size() + (pooled ? 1 : 0)];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < shown.size(); i++) {
            index.put(shown.get(i), i);
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            Integer i = index.get(e.getKey());
            s[i != null ? i : s.length - 1] += e.getValue();
        }
        for (int k = 0; k < s.length; k++) {
            s[k] = n == 0 ? Double.NaN : s[k] / n;
        }
        return s;
    }

    /** Shares per reference-bin slot (numeric) or per category (categorical), from two profiles. */
    static DriftHtml.Distribution ofProfiles(dev.candor.monitor.FeatureProfile r, dev.candor.monitor.FeatureProfile c) {
        if (r.bins() != null) {
            List<String> labels = dev.candor.monitor.ProfileDrift.slotLabels(r.bins());
            return new DriftHtml.Distribution(r.feature(), labels.toArray(String[]::new), slotShares(r.slotCounts()),
                    slotShares(c.slotCounts()));
        }
        Map<String, Integer> rc = new LinkedHashMap<>();
        Map<String, Integer> cc = new LinkedHashMap<>();
        r.categoryCounts().forEach((k, v) -> rc.put(k, Math.toIntExact(v)));
        c.categoryCounts().forEach((k, v) -> cc.put(k, Math.toIntExact(v)));
        List<String> order = new ArrayList<>(rc.keySet());
        order.sort((a, b) -> Integer.compare(rc.get(b), rc.get(a)));
        cc.keySet().stream().filter(k -> !rc.containsKey(k)).forEach(order::add);
        boolean pooled = order.size() > MAX_CATEGORIES;
        List<String> shown = pooled ? order.subList(0, MAX_CATEGORIES - 1) : order;
        List<String> labels = new ArrayList<>(shown);
        if (pooled) {
            labels.add("(other)");
        }
        return new DriftHtml.Distribution(r.feature(), labels.toArray(String[]::new), shares(rc, shown, pooled),
                shares(cc, shown, pooled));
    }

    private static double[] slotShares(long[] counts) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        double[] s = new double[counts.length];
        for (int k = 0; k < s.length; k++) {
            s[k] = n == 0 ? Double.NaN : (double) counts[k] / n;
        }
        return s;
    }
}
