package dev.candor.core;

/**
 * Input that a user supplied is wrong: a malformed or inconsistent data file, an option value that
 * does not fit the data, a column that does not exist. The message says what is wrong and, where
 * known, names the file, the 1-based line and the column, so that it can be shown to the user as it
 * is, without a stack trace.
 *
 * <p>The command line maps this type (and its subclasses) to exit code 2. Everything else that
 * escapes a command is an internal error (exit code 1): in particular an exception thrown by a
 * user's model while it is being explained is not bad input.
 *
 * <p>It extends {@link IllegalArgumentException} so that Java callers that validate arguments keep
 * catching what they caught before.
 *
 * @since 0.1.0
 */
public class BadInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming file, line and column where known
     */
    public BadInputException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming file, line and column where known
     * @param cause   the underlying failure
     */
    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
