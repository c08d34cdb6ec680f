package dev.candor.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time per benchmark operation, printed at the end of each iteration as
 * {@code [cpu ms/op = X over N ops]} (the line {@code benchmarks/compare_kernels.sh} reads): of the
 * calling thread, or of the whole process (worker threads, JIT and GC included) when the work runs on
 * several threads. Not thread-safe: one instance per benchmark state, used from the benchmark thread.
 */
final class CpuPerOp {

    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final boolean wholeProcess;
    private long nanos;
    private long ops;
    private long start;

    /** @param wholeProcess count every thread of the process instead of the calling one */
    CpuPerOp(boolean wholeProcess) {
        this.wholeProcess = wholeProcess;
    }

    private long now() {
        return wholeProcess ? PROCESS.getProcessCpuTime() : THREAD.getCurrentThreadCpuTime();
    }

    /** Starts timing one operation. */
    void start() {
        start = now();
    }

    /** Ends the operation started last. */
    void stop() {
        nanos += now() - start;
        ops++;
    }

    /** Prints the iteration's CPU time per operation, then starts a new iteration. */
    void printAndReset() {
        if (ops > 0) {
            System.out.printf("  [cpu ms/op = %.1f over %d ops]%n", nanos / 1e6 / ops, ops);
        }
        nanos = 0;
        ops = 0;
    }
}
