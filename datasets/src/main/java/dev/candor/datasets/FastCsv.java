package dev.candor.datasets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.GZIPInputStream;

/**
 * A one-pass, byte-level reader of CSV files too large to hold in memory: the streaming counterpart
 * of {@link CsvTable}, with the same rules and the same error messages (file, line, column), for
 * commands that visit every row once and keep only accumulators.
 *
 * <p>What makes it fast and small:
 * <ul>
 *   <li>Only the columns asked for are looked at; the others are skipped by scanning for the next
 *       separator, never turned into text.</li>
 *   <li>A numeric cell is parsed from its bytes ({@link Cells#number}): decimals with at most 15
 *       significant digits and a power of ten up to 22 take Clinger's fast path (the digits as an
 *       exact integer times or divided by an exact power of ten, one correctly rounded operation,
 *       so the result is bit-identical to {@link Double#parseDouble}); anything else falls back to
 *       {@link Double#parseDouble}.</li>
 *   <li>A categorical cell is dictionary-encoded from its bytes ({@link Cells#code}): each distinct
 *       value becomes a {@code String} once, the first time it is seen.</li>
 *   <li>A reader thread reads (and, for {@code .gz} files, inflates) 1 MiB blocks while the calling
 *       thread parses and accumulates; a few blocks are in flight, so memory stays a few MiB
 *       whatever the file's size.</li>
 * </ul>
 *
 * <p>The rules, as {@link CsvTable}'s: UTF-8 (a leading byte-order mark is skipped; the text of the
 * cells that are read must be valid UTF-8), RFC 4180 quoting with a one-character separator (a quoted
 * field may span lines and holds a quote as {@code ""}), the first non-blank line is the header,
 * blank lines are skipped, values are trimmed of surrounding blanks, every record has as many fields
 * as the header, line numbers count every physical line ({@code \n}) from 1. A line break is
 * {@code \n}, {@code \r\n} or a lone {@code \r}. The whole input must be UTF-8, checked block by
 * block as it is read (a pure-ASCII block costs one scan for a set high bit).
 *
 * <p>Not thread-safe: one scan at a time; the visitor runs on the calling thread.
 *
 * @since 0.1.0
 */
public final class FastCsv {

    /** Bytes per block handed from the reader thread to the parser. */
    static final int BLOCK = 1 << 20;

    private final Path file;
    private final char separator;
    private final List<String> header;
    private final long headerLine;
    private final Source source;

    private FastCsv(Path file, char separator, List<String> header, long headerLine, Source source) {
        this.file = file;
        this.separator = separator;
        this.header = header;
        this.headerLine = headerLine;
        this.source = source;
    }

    /**
     * Opens a file and reads its header. A name ending in {@code .gz} is read through gzip.
     *
     * @param file      the CSV file (or gzip-compressed CSV file)
     * @param separator the field separator
     * @return the reader, positioned after the header
     * @throws IOException         if the file cannot be read ({@link NoSuchFileException} if absent)
     * @throws DataFormatException if it is a directory, empty, or its header is not valid CSV
     */
    public static FastCsv open(Path file, char separator) throws IOException {
        if (Files.isDirectory(file)) {
            throw new DataFormatException(file, 0, null, "is a directory, not a CSV file");
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return open(in, file, separator);
    }

    /**
     * Reads CSV from a stream (closed when the scan ends).
     *
     * @param in        UTF-8 CSV bytes
     * @param name      the name used in messages (a file name), or null
     * @param separator the field separator
     * @return the reader, positioned after the header
     * @throws IOException         if the stream cannot be read
     * @throws DataFormatException if it is empty or its header is not valid CSV
     */
    public static FastCsv open(InputStream in, Path name, char separator) throws IOException {
        Objects.requireNonNull(in, "in");
        if (separator == '"' || separator == '\n' || separator == '\r') {
            throw new IllegalArgumentException("a quote or line break cannot separate fields");
        }
        Source s = new Source(in instanceof BufferedInputStream || in instanceof GZIPInputStream ? in
                : new BufferedInputStream(in, 1 << 16), name, (byte) separator);
        s.start();
        try {
            Parser p = new Parser(s, name, (byte) separator, null, -1);
            List<String> header = p.readHeader();
            return new FastCsv(name, separator, header, p.recordLine, s);
        } catch (RuntimeException | IOException e) {
            s.close();
            throw e;
        }
    }

    /** @return the file named in messages, or null */
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

    /**
     * @param name a column name
     * @return its index in the header
     * @throws DataFormatException on the header line if the column is missing or appears twice, in
     *                             {@link CsvTable#column(String)}'s words
     */
    public int column(String name) {
        int k = header.indexOf(name);
        if (k < 0) {
            throw CsvTable.missingColumn(file, headerLine, header, name);
        }
        if (header.lastIndexOf(name) != k) {
            throw new DataFormatException(file, headerLine, name, "column name appears more than once in the header");
        }
        return k;
    }

    /**
     * Visits every data row once, in file order, then closes the input.
     *
     * @param columns  the column names to read; cell {@code k} of {@link Cells} is {@code columns.get(k)}
     * @param visitor  called once per data row, on this thread
     * @param progress told of the bytes read and rows visited after each block, or null
     * @return the number of data rows
     * @throws IOException         if the file cannot be read
     * @throws DataFormatException if a column is missing, the file has no data rows, a record has the
     *                             wrong number of fields or is not valid CSV, or the visitor rejects a cell
     */
    public long scan(List<String> columns, RowVisitor visitor, Progress progress) throws IOException {
        int[] slotOf = new int[header.size()];
        Arrays.fill(slotOf, -1);
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < columns.size(); k++) {
            if (!seen.add(columns.get(k))) {
                throw new IllegalArgumentException("column '" + columns.get(k) + "' asked for twice");
            }
            slotOf[column(columns.get(k))] = k;
        }
        try {
            Parser p = source.parser;
            p.select(slotOf, columns);
            p.headerSize = header.size();
            long rows = p.readRows(visitor, progress);
            if (rows == 0) {
                throw new DataFormatException(file, headerLine + 1, null, "no data rows after the header");
            }
            return rows;
        } finally {
            source.close();
        }
    }

    /**
     * The distinct values of a column read by {@link #scan} with {@link Cells#code}, after the scan.
     *
     * @param k the column's index among those the scan asked for
     * @return its distinct values, indexed by code (empty if the scan never asked for codes)
     */
    public List<String> dictionary(int k) {
        Parser p = source.parser;
        if (k < 0 || k >= p.dictionaries.length) {
            throw new IndexOutOfBoundsException("cell " + k + " of " + p.dictionaries.length + " scanned columns");
        }
        return p.dictionaries[k] == null ? List.of() : List.copyOf(p.dictionaries[k].values());
    }

    /** Receives each data row. */
    @FunctionalInterface
    public interface RowVisitor {
        /**
         * @param cells the row's cells of the columns asked for; valid only during the call
         */
        void row(Cells cells);
    }

    /** Told how far a scan has got. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param bytes bytes read so far (compressed bytes are counted after inflation)
         * @param rows  data rows visited so far
         */
        void update(long bytes, long rows);
    }

    /**
     * The cells of one data row, for the columns a scan asked for (cell {@code k} is the k-th column
     * asked for). Valid only during {@link RowVisitor#row}.
     */
    public static final class Cells {
        private final Parser p;

        private Cells(Parser p) {
            this.p = p;
        }

        /** @return the 1-based line where the row starts */
        public long line() {
            return p.recordLine;
        }

        /** @return the 0-based index of the data row */
        public long row() {
            return p.rows;
        }

        /**
         * @param k a cell
         * @return whether it is empty (after trimming)
         */
        public boolean isEmpty(int k) {
            return p.end[k] == p.start[k];
        }

        /**
         * @param k a cell
         * @return its trimmed text
         * @throws DataFormatException if it is not valid UTF-8
         */
        public String string(int k) {
            return p.decode(p.bytes(k), p.start[k], p.end[k]);
        }

        /**
         * @param k a cell
         * @return its trimmed text, which must not be empty
         * @throws DataFormatException naming line and column if it is empty
         */
        public String require(int k) {
            if (isEmpty(k)) {
                throw error(k, "empty value (missing values are not allowed)");
            }
            return string(k);
        }

        /**
         * The cell's dictionary code: 0 for the first distinct value of this column, 1 for the next,
         * and so on; {@link #dictionary(int)} gives the values. Empty values are refused, as
         * {@link PredictionsTable#strings(String)} refuses them.
         *
         * @param k a cell
         * @return its code
         * @throws DataFormatException naming line and column if it is empty or not UTF-8
         */
        public int code(int k) {
            if (isEmpty(k)) {
                throw error(k, "empty value (missing values are not allowed)");
            }
            return p.dictionary(k).code(p.bytes(k), p.start[k], p.end[k], p::decode);
        }

        /**
         * @param k a cell
         * @return the distinct values seen so far in it, indexed by {@link #code(int)}
         */
        public List<String> dictionary(int k) {
            return p.dictionary(k).values();
        }

        /**
         * A finite number, checked as {@link PredictionsTable#doubles} checks it, in the same words.
         *
         * @param k           a cell
         * @param what        what the number is, for messages (e.g. "weight")
         * @param nonNegative whether negative values are refused
         * @return the value, bit-identical to {@link Double#parseDouble}
         * @throws DataFormatException naming line and column if it is empty, not a number, not finite,
         *                             negative (when refused) or beyond 1e100 in magnitude
         */
        public double number(int k, String what, boolean nonNegative) {
            if (isEmpty(k)) {
                throw error(k, "empty value (missing values are not allowed)");
            }
            double v = ByteNumbers.parse(p.bytes(k), p.start[k], p.end[k]);
            if (v != v) {
                String s = string(k);
                try {
                    v = Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw error(k, "'" + s + "' is not a number (" + what + ")");
                }
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    throw error(k, what + " " + s + " is not finite");
                }
            }
            if (nonNegative && v < 0) {
                throw error(k, what + " " + string(k) + " is negative");
            }
            if (Math.abs(v) > CsvDatasets.MAX_MAGNITUDE) {
                throw error(k, what + " " + string(k) + " is too large (beyond 1e100 in magnitude, sums of such "
                        + "values overflow)");
            }
            return v;
        }

        /**
         * The cell's number by the byte-level fast path only, for callers with their own rules for
         * missing values and text: no exception, no {@code String}.
         *
         * @param k a cell
         * @return its value, bit-identical to {@link Double#parseDouble} of its text, or {@code NaN}
         *         when the fast path does not apply (empty, text, more than 15 significant digits...);
         *         the caller then parses {@link #string(int)} itself
         */
        public double fastNumber(int k) {
            return ByteNumbers.parse(p.bytes(k), p.start[k], p.end[k]);
        }

        /**
         * @param k      a cell
         * @param detail what is wrong
         * @return an exception naming the file, this row's line and the cell's column
         */
        public DataFormatException error(int k, String detail) {
            return new DataFormatException(p.file, p.recordLine, p.names.get(k), detail);
        }
    }

    /** Reads blocks on its own thread and hands them over through a small queue. */
    private static final class Source {
        private static final byte[] END = new byte[0];
        private final InputStream in;
        private final BlockingQueue<byte[]> full = new ArrayBlockingQueue<>(4);
        private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(8);
        private volatile Throwable failure;
        private volatile boolean closed;
        private Thread thread;
        private Parser parser;
        private final Path name;
        private final byte separator;

        Source(InputStream in, Path name, byte separator) {
            this.in = in;
            this.name = name;
            this.separator = separator;
            // a fixed pool: the reader waits for a block to come back rather than allocating, so a
            // scan allocates these few MiB once, whatever the file's size
            for (int i = 0; i < 6; i++) {
                free.add(new byte[BLOCK + 4]);
            }
        }

        void start() {
            thread = new Thread(this::run, "candor-csv-reader");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            try (InputStream s = in) {
                while (!closed) {
                    byte[] b = free.take();
                    int n = s.readNBytes(b, 4, BLOCK);
                    if (n == 0) {
                        break;
                    }
                    // the first four bytes carry the block's length
                    b[0] = (byte) (n >>> 24);
                    b[1] = (byte) (n >>> 16);
                    b[2] = (byte) (n >>> 8);
                    b[3] = (byte) n;
                    full.put(b);
                    if (n < BLOCK) {
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    full.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** @return the next block (length in its first four bytes), or {@link #END} */
        byte[] next() throws IOException {
            byte[] b;
            try {
                b = full.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading " + name, e);
            }
            if (b == END) {
                Throwable f = failure;
                if (f instanceof java.util.zip.ZipException z) {
                    throw new DataFormatException(name, 0, null, "is not a valid gzip file: " + z.getMessage());
                }
                if (f instanceof IOException io) {
                    throw io;
                }
                if (f instanceof RuntimeException r) {
                    throw r;
                }
                full.offer(END);
            }
            return b;
        }

        void recycle(byte[] b) {
            if (b != END) {
                free.offer(b);
            }
        }

        void close() {
            closed = true;
            full.clear();
            free.clear();
            thread.interrupt();
        }
    }

    /** The record parser: a growing window over the blocks, parsed record by record. */
    private static final class Parser {
        private static final int[] NONE = new int[0];
        final Path file;
        final byte sep;
        final Source source;
        final Cells cells = new Cells(this);
        byte[] buf = new byte[BLOCK + 1024];
        int pos;
        int limit;
        boolean eof;
        boolean first = true;
        int utf8State;
        long line = 1;
        long recordLine;
        long rows;
        long bytes;
        int headerSize = -1;
        int[] slotOf = NONE;
        List<String> names = List.of();
        int[] start = NONE;
        int[] end = NONE;
        byte[][] scratch = new byte[0][];
        boolean[] quoted = new boolean[0];
        ByteDictionary[] dictionaries = new ByteDictionary[0];
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        /** Header fields while the header is parsed. */
        private List<String> headerFields;

        Parser(Source source, Path file, byte sep, int[] slotOf, int headerSize) {
            this.source = source;
            this.file = file;
            this.sep = sep;
            source.parser = this;
        }

        void select(int[] slots, List<String> columns) {
            this.slotOf = slots;
            this.names = List.copyOf(columns);
            int n = columns.size();
            start = new int[n];
            end = new int[n];
            scratch = new byte[n][];
            quoted = new boolean[n];
            dictionaries = new ByteDictionary[n];
        }

        ByteDictionary dictionary(int k) {
            ByteDictionary d = dictionaries[k];
            if (d == null) {
                d = new ByteDictionary();
                dictionaries[k] = d;
            }
            return d;
        }

        byte[] bytes(int k) {
            return quoted[k] ? scratch[k] : buf;
        }

        String decode(byte[] b, int from, int to) {
            boolean ascii = true;
            for (int i = from; i < to; i++) {
                ascii &= b[i] >= 0;
            }
            if (ascii) {
                return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
            }
            try {
                return utf8.decode(ByteBuffer.wrap(b, from, to - from)).toString();
            } catch (CharacterCodingException e) {
                throw new DataFormatException(file, 0, null, "is not valid UTF-8 text");
            }
        }

        /** Appends the next block after the unparsed rest; false at the end of the input. */
        private boolean fill() throws IOException {
            if (eof) {
                return false;
            }
            byte[] b = source.next();
            if (b.length == 0) {
                if (utf8State != 0) {
                    throw new DataFormatException(file, 0, null, "is not valid UTF-8 text");
                }
                eof = true;
                return true;
            }
            int n = (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
            utf8State = Utf8Check.scan(b, 4, 4 + n, utf8State);
            if (utf8State < 0) {
                throw new DataFormatException(file, 0, null, "is not valid UTF-8 text");
            }
            int rest = limit - pos;
            if (rest + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, rest + n));
            }
            System.arraycopy(buf, pos, buf, 0, rest);
            System.arraycopy(b, 4, buf, rest, n);
            source.recycle(b);
            pos = 0;
            limit = rest + n;
            bytes += n;
            if (first) {
                first = false;
                if (limit >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
                    pos = 3;
                }
            }
            return true;
        }

        List<String> readHeader() throws IOException {
            headerFields = new ArrayList<>();
            while (true) {
                int r = parseRecord(true);
                if (r == 1) {
                    List<String> h = headerFields;
                    headerFields = null;
                    return List.copyOf(h);
                }
                if (r == 0 && !fill()) {
                    throw new DataFormatException(file, 1, null, "the file is empty; expected a header line");
                }
            }
        }

        long readRows(RowVisitor visitor, Progress progress) throws IOException {
            long reported = bytes;
            while (true) {
                int r = parseRecord(false);
                if (r == 1) {
                    visitor.row(cells);
                    rows++;
                } else if (r == 0) {
                    if (progress != null && bytes != reported) {
                        progress.update(bytes, rows);
                        reported = bytes;
                    }
                    if (!fill()) {
                        if (progress != null) {
                            progress.update(bytes, rows);
                        }
                        return rows;
                    }
                }
            }
        }

        /**
         * Parses one record at {@link #pos}.
         *
         * @return 1 when a record was parsed, 0 when more input is needed (or the input ended)
         */
        private int parseRecord(boolean header) {
            int p = pos;
            int lim = limit;
            byte[] b = buf;
            long ln = line;
            // blank lines
            while (true) {
                if (p >= lim) {
                    pos = p;
                    line = ln;
                    return 0;
                }
                byte c = b[p];
                if (c == '\n') {
                    ln++;
                    p++;
                } else if (c == '\r') {
                    p++;
                } else {
                    break;
                }
            }
            pos = p;
            line = ln;
            long startLine = ln;
            int field = 0;
            if (header) {
                headerFields.clear();
            }
            while (true) {
                int slot = !header && field < slotOf.length ? slotOf[field] : -1;
                int fs;
                int fe;
                boolean q = false;
                int escapes = 0;
                if (p < lim && b[p] == '"') {
                    long quoteLine = ln;
                    int i = p + 1;
                    while (true) {
                        if (i >= lim) {
                            if (eof) {
                                throw new DataFormatException(file, 0, null, "is not valid CSV: a quoted field opened on line "
                                        + quoteLine + " is not closed before the end of the file");
                            }
                            return 0;
                        }
                        byte c = b[i];
                        if (c == '"') {
                            if (i + 1 >= lim && !eof) {
                                return 0;
                            }
                            if (i + 1 < lim && b[i + 1] == '"') {
                                escapes++;
                                i += 2;
                                continue;
                            }
                            break;
                        }
                        if (c == '\n') {
                            ln++;
                        }
                        i++;
                    }
                    fs = p + 1;
                    fe = i;
                    q = true;
                    p = i + 1;
                    while (p < lim && b[p] != sep && b[p] != '\n' && b[p] != '\r' && isBlank(b[p])) {
                        p++;
                    }
                    if (p >= lim && !eof) {
                        return 0;
                    }
                    if (p < lim && b[p] != sep && b[p] != '\n' && b[p] != '\r') {
                        throw new DataFormatException(file, 0, null, "is not valid CSV: text after a closing quote on line "
                                + ln + " (a quote inside a quoted field is written twice: \"\")");
                    }
                } else {
                    int i = p;
                    byte s = sep;
                    while (i < lim) {
                        byte c = b[i];
                        if (c == s || c == '\n' || c == '\r') {
                            break;
                        }
                        i++;
                    }
                    if (i >= lim && !eof) {
                        return 0;
                    }
                    fs = p;
                    fe = i;
                    p = i;
                }
                if (header || slot >= 0) {
                    byte[] src = b;
                    if (q && escapes > 0) {
                        byte[] t = header ? new byte[fe - fs] : scratchFor(slot, fe - fs);
                        int o = 0;
                        for (int i = fs; i < fe; i++) {
                            t[o++] = b[i];
                            if (b[i] == '"') {
                                i++;
                            }
                        }
                        src = t;
                        fs = 0;
                        fe = o;
                    }
                    while (fs < fe && (src[fs] & 0xff) <= ' ') {
                        fs++;
                    }
                    while (fe > fs && (src[fe - 1] & 0xff) <= ' ') {
                        fe--;
                    }
                    if (header) {
                        headerFields.add(decode(src, fs, fe));
                    } else {
                        if (src != b) {
                            quoted[slot] = true;
                        } else {
                            quoted[slot] = false;
                        }
                        start[slot] = fs;
                        end[slot] = fe;
                    }
                }
                field++;
                // p is at a separator, a line break or the end of the input
                if (p < lim && b[p] == sep) {
                    p++;
                    continue;
                }
                if (p < lim) {
                    if (b[p] == '\r') {
                        if (p + 1 >= lim && !eof) {
                            return 0;
                        }
                        p++;
                        if (p < lim && b[p] == '\n') {
                            p++;
                            ln++;
                        }
                    } else {
                        p++;
                        ln++;
                    }
                }
                break;
            }
            if (!header && field != headerSize) {
                throw new DataFormatException(file, startLine, null, "has " + field + " fields, the header has "
                        + headerSize);
            }
            recordLine = startLine;
            pos = p;
            line = ln;
            return 1;
        }

        private byte[] scratchFor(int slot, int size) {
            byte[] s = scratch[slot];
            if (s == null || s.length < size) {
                s = new byte[Math.max(size, 64)];
                scratch[slot] = s;
            }
            return s;
        }

        private static boolean isBlank(byte c) {
            return c == ' ' || c == '\t' || c == '\f' || c == 0x0B;
        }
    }
}
