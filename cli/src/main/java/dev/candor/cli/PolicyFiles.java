package dev.candor.cli;

import dev.candor.core.BadInputException;
import dev.candor.fairness.audit.Policy;
import dev.candor.fairness.audit.PolicyResult;
import dev.candor.report.PolicyJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;

/** Reads a {@code --policy} file given on the command line; an invalid one is bad input. */
final class PolicyFiles {

    private PolicyFiles() {
    }

    /**
     * @param file the policy file
     * @return the policy
     * @throws IOException       if it cannot be read
     * @throws BadInputException if it is not a valid policy, naming the file and the problem
     */
    static Policy read(Path file) throws IOException {
        try {
            return PolicyJson.read(file);
        } catch (BadInputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            String m = e.getMessage() == null ? "not a valid policy" : e.getMessage();
            throw new BadInputException(m.startsWith(file.toString()) ? m : file + ": " + m, e);
        }
    }

    /**
     * Checks, before any work, that every rule of a policy applies to what will be audited.
     *
     * @param file    the policy file (named in the message)
     * @param policy  the policy read from it
     * @param audited the attributes and intersections that will be audited
     * @throws BadInputException naming the file and the rule, e.g. {@code policy.json: rules[1] ...}
     */
    static void validate(Path file, Policy policy, Collection<String> audited) {
        try {
            PolicyResult.validate(policy, audited);
        } catch (BadInputException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
    }
}
