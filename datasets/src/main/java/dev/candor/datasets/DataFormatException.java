package dev.candor.datasets;

import dev.candor.core.BadInputException;
import java.nio.file.Path;

/**
 * Malformed input data. The message names the file, the 1-based line and, where one applies, the
 * column, for example {@code data.csv, line 12, column 'age': 'abc' is not a number}. Every reader of
 * CSV files ({@link CsvTable}) throws it, so the form is the same whatever read the file.
 *
 * @since 0.1.0
 */
public final class DataFormatException extends BadInputException {

    private static final long serialVersionUID = 1L;

    /** The file, or null when the data did not come from a file. */
    private final transient Path file;
    /** The 1-based line number, or 0 when the problem is not on one line. */
    private final long line;
    /** The column name, or null when the problem is not in one column. */
    private final String column;

    /**
     * @param file   the file (may be null)
     * @param line   the 1-based line, or 0 for none
     * @param column the column name, or null for none
     * @param detail what is wrong
     */
    public DataFormatException(Path file, long line, String column, String detail) {
        super(format(file, line, column, detail));
        this.file = file;
        this.line = line;
        this.column = column;
    }

    private static String format(Path file, long line, String column, String detail) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<input>" : file.toString());
        if (line > 0) {
            sb.append(", line ").append(line);
        }
        if (column != null) {
            sb.append(", column '").append(column).append('\'');
        }
        return sb.append(": ").append(detail).toString();
    }

    /** @return the file, or null */
    public Path file() {
        return file;
    }

    /** @return the 1-based line, or 0 */
    public long line() {
        return line;
    }

    /** @return the column name, or null */
    public String column() {
        return column;
    }
}
