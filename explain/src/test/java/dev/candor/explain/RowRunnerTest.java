package dev.candor.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RowRunnerTest {

    /** A row's "explanation": 50 draws of its own random stream, as the explainers use it. */
    private static double[] draws(int row) {
        java.util.SplittableRandom r = RowRandom.forRow(9L, row);
        double[] d = new double[50];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextDouble();
        }
        return d;
    }

    @Test
    void outputIsTheSameBitForBitForOneAndFourThreadsAndOnACallersExecutor() {
        List<double[]> one = RowRunner.of(1, null).run(200, RowRunnerTest::draws, ProgressListener.NONE);
        List<double[]> four = RowRunner.of(4, null).run(200, RowRunnerTest::draws, ProgressListener.NONE);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<double[]> pooled;
        try {
            pooled = RowRunner.of(3, pool).run(200, RowRunnerTest::draws, ProgressListener.NONE);
        } finally {
            pool.shutdown();
        }
        assertThat(one).hasSize(200);
        for (int i = 0; i < 200; i++) {
            assertThat(four.get(i)).containsExactly(one.get(i));
            assertThat(pooled.get(i)).containsExactly(one.get(i));
        }
        assertThat(one.get(0)[0]).isEqualTo(RowRandom.forRow(9L, 0).nextDouble());
    }

    @Test
    void aFailureInRow7IsReportedAsRow7WithWhatWasThrownAsTheCause() {
        for (int threads : new int[] {1, 4}) {
            RuntimeException boom = new UnsupportedOperationException("model down");
            assertThatThrownBy(() -> RowRunner.of(threads, null).run(40, i -> {
                if (i == 7 || i == 30) {
                    throw boom;
                }
                return i;
            }, ProgressListener.NONE))
                    .isInstanceOf(ExplanationFailedException.class)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("explaining row 7 failed: java.lang.UnsupportedOperationException: model down")
                    .hasCause(boom)
                    .satisfies(e -> assertThat(((ExplanationFailedException) e).row()).isEqualTo(7));
        }
    }

    @Test
    void progressIsReportedOncePerRowAndEndsAtTheTotal() {
        AtomicInteger calls = new AtomicInteger();
        AtomicLong max = new AtomicLong();
        RowRunner.of(4, null).run(57, i -> i, (done, total) -> {
            assertThat(total).isEqualTo(57);
            assertThat(done).isBetween(1L, 57L);
            calls.incrementAndGet();
            max.accumulateAndGet(done, Math::max);
        });
        assertThat(calls.get()).isEqualTo(57);
        assertThat(max.get()).isEqualTo(57);
    }

    @Test
    void eachWorkerGetsItsOwnStateAtMostOnce() {
        AtomicInteger states = new AtomicInteger();
        List<Integer> out = RowRunner.of(3, null).run(90, () -> new int[] {states.incrementAndGet()},
                (s, i) -> i * 2, ProgressListener.NONE);
        assertThat(out.get(89)).isEqualTo(178);
        assertThat(states.get()).isBetween(1, 3);
    }

    @Test
    void aBusyExecutorDoesNotBlockTheCallBecauseTheCallingThreadWorksToo() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        try {
            single.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            List<Integer> out = RowRunner.of(4, single).run(25, i -> i + 1, ProgressListener.NONE);
            assertThat(out).hasSize(25).startsWith(1, 2, 3).endsWith(25);
        } finally {
            release.countDown();
            single.shutdown();
            assertThat(single.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void noRowsGiveAnEmptyListAndBadArgumentsAreRejected() {
        assertThat(RowRunner.defaults().run(0, i -> i, ProgressListener.NONE)).isEmpty();
        assertThat(RowRunner.defaults().threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThatThrownBy(() -> RowRunner.of(0, null)).hasMessageContaining("threads must be >= 1, got 0");
        assertThatThrownBy(() -> RowRunner.of(1, null).run(-1, i -> i, ProgressListener.NONE))
                .hasMessageContaining("rows must be >= 0");
    }
}
