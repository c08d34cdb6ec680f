package dev.candor.datasets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The built-in datasets by name.
 *
 * <table>
 *   <caption>Registered datasets</caption>
 *   <tr><th>name</th><th>loader</th><th>rows</th></tr>
 *   <tr><td>{@code synthetic-credit}</td><td>{@link SyntheticCredit#generate()} (defaults)</td><td>5,000</td></tr>
 *   <tr><td>{@code german}</td><td>{@link GermanCreditDataset#load()}</td><td>1,000</td></tr>
 *   <tr><td>{@code adult}</td><td>{@link AdultDataset#load()}</td><td>45,222</td></tr>
 *   <tr><td>{@code compas}</td><td>{@link CompasDataset#load()}</td><td>6,172</td></tr>
 *   <tr><td>{@code bank}</td><td>{@link BankDataset#load()}</td><td>45,211</td></tr>
 * </table>
 *
 * @since 0.1.0
 */
public final class Datasets {

    private static final Map<String, Entry> REGISTRY = new LinkedHashMap<>();

    static {
        register(SyntheticCredit.NAME, "Synthetic credit applications with a known bias of "
                + SyntheticCredit.DEFAULT_BIAS + " against sex=female (built in)", SyntheticCredit::generate);
        register(GermanCreditDataset.NAME, "Statlog German credit (UCI), 1,000 applicants", GermanCreditDataset::load);
        register(AdultDataset.NAME, "UCI Adult census income, adult.data + adult.test without '?' rows",
                AdultDataset::load);
        register(CompasDataset.NAME, "ProPublica COMPAS two-year recidivism, ProPublica's filter",
                CompasDataset::load);
        register(BankDataset.NAME, "UCI Bank marketing, 45,211 calls in time order (May 2008 - Nov 2010)",
                BankDataset::load);
    }

    private Datasets() {
    }

    private static void register(String name, String description, Supplier<Dataset> loader) {
        REGISTRY.put(name, new Entry(name, description, loader));
    }

    /**
     * One registered dataset.
     *
     * @param name        its registry name
     * @param description one line about it
     * @param loader      loads it
     */
    public record Entry(String name, String description, Supplier<Dataset> loader) {
    }

    /** @return the registered names, in the order of the table above */
    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    /** @return the registered datasets with their descriptions */
    public static List<Entry> entries() {
        return List.copyOf(REGISTRY.values());
    }

    /**
     * @param name a registered name (case-sensitive)
     * @return whether it is registered
     */
    public static boolean contains(String name) {
        return REGISTRY.containsKey(name);
    }

    /**
     * @param name a registered name
     * @return the dataset
     * @throws IllegalArgumentException if the name is not registered (the message lists the names)
     */
    public static Dataset load(String name) {
        Entry e = REGISTRY.get(name);
        if (e == null) {
            throw new IllegalArgumentException("name: no built-in dataset '" + name + "'; known datasets are "
                    + names());
        }
        return e.loader().get();
    }
}
