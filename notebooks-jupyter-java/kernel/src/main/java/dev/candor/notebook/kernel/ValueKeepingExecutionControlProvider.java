package dev.candor.notebook.kernel;

import java.util.Map;

import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Hands JShell the one {@link ValueKeepingExecutionControl} the evaluator reads values from. */
final class ValueKeepingExecutionControlProvider implements ExecutionControlProvider {
    private final ValueKeepingExecutionControl control = new ValueKeepingExecutionControl();

    ValueKeepingExecutionControl control() {
        return control;
    }

    @Override
    public String name() {
        return "candor-local";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return control;
    }
}
