package dev.candor.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read once into text cells: the one reader behind {@link CsvDatasets} (typed datasets),
 * {@link PredictionsTable} (audits) and {@code candor reweigh}, so that all three accept the same
 * files and report a problem in the same words, naming the file, the line and the column.
 *
 * <p>The rules:
 * <ul>
 *   <li>UTF-8 text; a leading byte-order mark is skipped (and remembered, see {@link #hasByteOrderMark()}).</li>
 *   <li>RFC 4180 quoting (Commons CSV) with a configurable one-character separator; a quoted field may
 *       span lines.</li>
 *   <li>The first non-blank line is the header; blank lines are skipped everywhere.</li>
 *   <li>Every value (and header name) is trimmed of surrounding blanks.</li>
 *   <li>Every record has as many fields as the header.</li>
 *   <li>Line numbers are 1-based and count every physical line of the file, blank lines and the lines
 *       inside multi-line quoted fields included, so they are what an editor shows.</li>
 *   <li>Empty values: a cell read through {@link #require(int, int)} must not be empty (missing values
 *       are never filled in); {@link #value(int, int)} returns it as it is.</li>
 *   <li>A column looked up by name ({@link #column(String)}) must occur in the header exactly once.</li>
 * </ul>
 * Every problem is a {@link DataFormatException}; a missing file is a {@link NoSuchFileException}.
 *
 * @since 0.1.0
 */
public final class CsvTable {

    private final Path file;
    private final String text;
    private final boolean byteOrderMark;
    private final List<String> header;
    private final Map<String, Integer> index;
    private final Map<String, Integer> duplicates;
    private final List<CSVRecord> records;
    private final LineIndex lines;
    private final long headerLine;
    private final int headerStart;
    private final int headerEnd;

    private CsvTable(Path file, String text, boolean byteOrderMark, List<CSVRecord> all) {
        this.file = file;
        this.text = text;
        this.byteOrderMark = byteOrderMark;
        this.lines = new LineIndex(text);
        CSVRecord h = all.get(0);
        this.headerLine = lines.lineOf(h.getCharacterPosition());
        this.header = h.stream().map(String::trim).toList();
        this.headerStart = (int) h.getCharacterPosition();
        this.records = all.subList(1, all.size());
        this.headerEnd = records.isEmpty() ? text.length() : (int) records.get(0).getCharacterPosition();
        this.index = new HashMap<>();
        this.duplicates = new HashMap<>();
        for (int k = 0; k < header.size(); k++) {
            if (index.putIfAbsent(header.get(k), k) != null) {
                duplicates.put(header.get(k), k);
            }
        }
    }

    /**
     * Reads a file with a header and at least one data row.
     *
     * @param file      the CSV file
     * @param separator the field separator
     * @return the table
     * @throws IOException         if the file cannot be read (a {@link NoSuchFileException} if it does
     *                             not exist)
     * @throws DataFormatException if it is not UTF-8, not valid CSV, empty, has no data rows, or a
     *                             record has more or fewer fields than the header
     */
    public static CsvTable read(Path file, char separator) throws IOException {
        String content;
        if (Files.isDirectory(file)) {
            throw new DataFormatException(file, 0, null, "is a directory, not a CSV file");
        }
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        } catch (MalformedInputException e) {
            throw new DataFormatException(file, 0, null, "is not valid UTF-8 text");
        }
        boolean bom = content.startsWith("\uFEFF");
        if (bom) {
            content = content.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setTrim(true)
                .setIgnoreEmptyLines(true).build();
        List<CSVRecord> all;
        try (CSVParser p = CSVParser.parse(content, format)) {
            all = p.getRecords();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new DataFormatException(file, 0, null, "is not valid CSV: " + csvProblem(e));
        }
        if (all.isEmpty()) {
            throw new DataFormatException(file, 1, null, "the file is empty; expected a header line");
        }
        CsvTable t = new CsvTable(file, content, bom, all);
        if (t.rows() == 0) {
            throw new DataFormatException(file, t.headerLine + 1, null, "no data rows after the header");
        }
        for (int i = 0; i < t.rows(); i++) {
            int size = t.records.get(i).size();
            if (size != t.header.size()) {
                throw new DataFormatException(file, t.line(i), null, "has " + size + " fields, the header has "
                        + t.header.size());
            }
        }
        return t;
    }

    /** @return the file */
    public Path file() {
        return file;
    }

    /** @return the header names, trimmed, in file order */
    public List<String> header() {
        return header;
    }

    /** @return the 1-based line of the header */
    public long headerLine() {
        return headerLine;
    }

    /** @return the number of data rows */
    public int rows() {
        return records.size();
    }

    /**
     * @param row a data row index, 0-based
     * @return the 1-based line where the row starts
     */
    public long line(int row) {
        return lines.lineOf(records.get(row).getCharacterPosition());
    }

    /**
     * @param name a column name
     * @return its index in the header
     * @throws DataFormatException on the header line if the column is missing (listing the header and
     *                             the closest name) or appears more than once
     */
    /**
     * @return a hint when the header looks split by another separator (one column whose name holds
     *         {@code ;}, a tab or {@code |}), else empty
     */
    private static String separatorHint(List<String> header) {
        if (header.size() != 1) {
            return "";
        }
        for (char c : new char[] {';', '\t', '|'}) {
            if (header.get(0).indexOf(c) >= 0) {
                return "; the header is one column holding '" + (c == '\t' ? "\\t" : String.valueOf(c))
                        + "': are the fields separated by it? Give --separator " + (c == '\t' ? "'\\t'" : "'" + c + "'");
            }
        }
        return "";
    }

    /**
     * The error for a column that is not in the header, in the words of {@link #column(String)}: the
     * header, the closest name and a hint when another separator seems to split the header.
     */
    static DataFormatException missingColumn(Path file, long headerLine, List<String> header, String name) {
        return new DataFormatException(file, headerLine, name, "column is not in the header; there is no column '"
                + name + "' among " + header + closest(header, name) + separatorHint(header));
    }

    /** The parser's complaint in the user's terms: which line, and what is wrong, without exception names. */
    private static String csvProblem(RuntimeException e) {
        String m = String.valueOf(e.getMessage());
        java.util.regex.Matcher line = java.util.regex.Pattern.compile("startline (\\d+)").matcher(m);
        if (m.contains("EOF reached before encapsulated token finished")) {
            return "a quoted field opened on line " + (line.find() ? line.group(1) : "?")
                    + " is not closed before the end of the file";
        }
        if (m.contains("invalid char between encapsulated token and delimiter")) {
            return "text after a closing quote on line " + (line.find() ? line.group(1) : "?")
                    + " (a quote inside a quoted field is written twice: \"\")";
        }
        return m.replaceAll("(java\\.[a-z.]*\\.)?[A-Za-z]*Exception: ", "").replace("IOException reading next record: ", "");
    }

    public int column(String name) {
        Integer k = index.get(name);
        if (k == null) {
            throw missingColumn(file, headerLine, header, name);
        }
        if (duplicates.containsKey(name)) {
            throw new DataFormatException(file, headerLine, name, "column name appears more than once in the header");
        }
        return k;
    }

    /**
     * @param name a column name
     * @return whether the header has it
     */
    public boolean hasColumn(String name) {
        return index.containsKey(name);
    }

    /**
     * @param name a column name in the header
     * @return whether it appears more than once
     */
    public boolean isDuplicate(String name) {
        return duplicates.containsKey(name);
    }

    /**
     * @param row    a data row index
     * @param column a column index
     * @return the trimmed value, possibly empty
     */
    public String value(int row, int column) {
        return records.get(row).get(column);
    }

    /**
     * @param row    a data row index
     * @param column a column index
     * @return the trimmed value
     * @throws DataFormatException naming the line and column if it is empty
     */
    public String require(int row, int column) {
        String v = value(row, column);
        if (v.isEmpty()) {
            throw error(row, header.get(column), "empty value (missing values are not allowed)");
        }
        return v;
    }

    /**
     * @param column a column index
     * @return every value of the column, as read
     */
    public String[] values(int column) {
        String[] v = new String[rows()];
        for (int i = 0; i < v.length; i++) {
            v[i] = value(i, column);
        }
        return v;
    }

    /**
     * @param row    a data row index
     * @param column the column name, or null
     * @param detail what is wrong
     * @return an exception naming this file, the row's line and the column
     */
    public DataFormatException error(int row, String column, String detail) {
        return new DataFormatException(file, line(row), column, detail);
    }

    /** @return whether the file started with a UTF-8 byte-order mark */
    public boolean hasByteOrderMark() {
        return byteOrderMark;
    }

    /** @return the header's exact source text, without the line ending (and without a byte-order mark) */
    public String headerText() {
        return stripLineEnd(text.substring(skipLineBreaks(headerStart), headerEnd));
    }

    /**
     * @param row a data row index
     * @return the record's exact source text (quotes, spaces and all), without the line ending
     */
    public String recordText(int row) {
        int start = skipLineBreaks((int) records.get(row).getCharacterPosition());
        int end = row + 1 < records.size() ? (int) records.get(row + 1).getCharacterPosition() : text.length();
        return stripLineEnd(text.substring(start, end));
    }

    /** @return the file's line ending: {@code "\r\n"} if it has one, else {@code "\n"} */
    public String lineEnding() {
        return text.contains("\r\n") ? "\r\n" : "\n";
    }

    /** A record's offset can point at the blank lines the parser skipped before it. */
    private int skipLineBreaks(int pos) {
        while (pos < text.length() && (text.charAt(pos) == '\n' || text.charAt(pos) == '\r')) {
            pos++;
        }
        return pos;
    }

    private static String stripLineEnd(String t) {
        int e = t.length();
        while (e > 0 && (t.charAt(e - 1) == '\n' || t.charAt(e - 1) == '\r')) {
            e--;
        }
        return t.substring(0, e);
    }

    /** A hint for a misspelt column name: the header name at edit distance 1 or 2, if exactly one is closest. */
    private static String closest(List<String> header, String name) {
        String best = null;
        int bestD = 3;
        boolean tie = false;
        for (String h : header) {
            int d = editDistance(name.toLowerCase(java.util.Locale.ROOT), h.toLowerCase(java.util.Locale.ROOT));
            if (d < bestD) {
                best = h;
                bestD = d;
                tie = false;
            } else if (d == bestD) {
                tie = true;
            }
        }
        return best == null || tie ? "" : "; did you mean '" + best + "'?";
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * Maps a record's character offset to the 1-based line where its first field starts (a record's
     * offset can point at the blank lines the parser skipped before it).
     */
    private static final class LineIndex {
        private final int[] starts;
        private final String text;

        LineIndex(String s) {
            this.text = s;
            List<Integer> st = new ArrayList<>();
            st.add(0);
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == '\n') {
                    st.add(i + 1);
                }
            }
            starts = st.stream().mapToInt(Integer::intValue).toArray();
        }

        long lineOf(long offset) {
            int pos = (int) offset;
            while (pos < text.length() && (text.charAt(pos) == '\n' || text.charAt(pos) == '\r')) {
                pos++;
            }
            int i = Arrays.binarySearch(starts, pos);
            return i >= 0 ? i + 1 : -i - 1;
        }
    }
}
