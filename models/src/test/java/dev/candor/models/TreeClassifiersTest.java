package dev.candor.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.datasets.Dataset;
import dev.candor.datasets.GermanCreditDataset;
import dev.candor.datasets.TrainTestSplit;
import dev.candor.fairness.mitigation.Reweighing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Smile tree classifiers on German credit (1000 rows): determinism, the Model view, weights. */
class TreeClassifiersTest {

    private static TrainTestSplit split;

    @BeforeAll
    static void load() {
        split = GermanCreditDataset.load().split(0.3, 7L);
    }

    @Test
    void randomForestIsSeededAndItsModelViewMatches() {
        ClassifierTrainer t = ClassifierTrainer.of(ClassifierKind.RANDOM_FOREST).withTrees(60);
        TrainedClassifier a = t.train(split.train());
        TrainedClassifier b = t.train(split.train());
        double[] pa = a.predictProba(split.test());
        assertThat(b.predictProba(split.test())).containsExactly(pa);
        assertThat(t.withSeed(99).train(split.train()).predictProba(split.test())).isNotEqualTo(pa);
        assertThat(a.predict(a.encode(split.test()).x())).containsExactly(pa);
        // Sanity of the fit: the forest ranks held-out German credit rows well above chance.
        assertThat(ClassifierScores.of(split.test().labels(), pa, 0.5).auc()).isGreaterThan(0.7);
        assertThat(a.settings()).containsEntry("trees", "60").containsEntry("weights", "none");
    }

    @Test
    void gradientBoostingIsDeterministic() {
        ClassifierTrainer t = ClassifierTrainer.of(ClassifierKind.GRADIENT_BOOSTING).withTrees(50);
        double[] pa = t.train(split.train()).predictProba(split.test());
        assertThat(t.train(split.train()).predictProba(split.test())).containsExactly(pa);
        assertThat(ClassifierScores.of(split.test().labels(), pa, 0.5).auc()).isGreaterThan(0.7);
        for (double p : pa) {
            assertThat(p).isBetween(0.0, 1.0);
        }
    }

    @Test
    void treesUseWeightedResamplingAndSaySo() {
        Dataset train = split.train();
        double[] w = Reweighing.builder().privileged("male")
                .fit(train.labels(), train.protectedAttribute("sex").values()).weights();
        TrainedClassifier c = ClassifierTrainer.of(ClassifierKind.RANDOM_FOREST).withTrees(30).train(train, w);
        assertThat(c.settings().get("weights")).startsWith("weighted resampling");
        assertThat(c.name()).contains("weighted resampling");
        assertThat(ClassifierTrainer.of(ClassifierKind.RANDOM_FOREST).withTrees(30).train(train, w)
                .predictProba(split.test())).containsExactly(c.predictProba(split.test()));
    }

    @Test
    void aRowThatIsNotOneHotIsRefusedByTreeModels() {
        TrainedClassifier c = ClassifierTrainer.of(ClassifierKind.GRADIENT_BOOSTING).withTrees(5).train(split.train());
        double[][] x = c.encode(split.test()).x();
        int[] block = c.featureColumns()[0];
        double[] row = x[0].clone();
        for (int j : block) {
            row[j] = 0;
        }
        double[][] bad = {row};
        assertThatThrownBy(() -> c.predict(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not one-hot");
    }

    @Test
    void oneLabelValueIsRefused() {
        Dataset train = split.train();
        int[] ones = new int[train.labels().length];
        java.util.Arrays.fill(ones, 1);
        Dataset allGood = train.toBuilder().labels(train.labelName(), train.favorableValue(), ones).build();
        assertThatThrownBy(() -> ClassifierTrainer.of(ClassifierKind.LOGISTIC).train(allGood))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only one label value");
    }
}
