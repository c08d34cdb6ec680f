package dev.candor.flink;

/**
 * A prediction event that cannot be read: the message names the column and the offending text, and
 * the line itself is kept so the job can report it in its rejected-events output.
 *
 * @since 0.2.0
 */
public final class EventFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String line;

    /**
     * @param line   the input line
     * @param detail what is wrong, naming the column
     */
    public EventFormatException(String line, String detail) {
        super(detail + " in event: " + abbreviate(line));
        this.line = line;
    }

    /** @return the rejected input line */
    public String line() {
        return line;
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
