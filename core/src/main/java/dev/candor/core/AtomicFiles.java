package dev.candor.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes output files so that a reader never sees a partial file: each file is written in full to a
 * temporary file in the same directory and then moved over the target in one atomic rename. When
 * several files are written together, all are staged before any is moved, so a failure while
 * writing leaves every target as it was.
 *
 * <p>A target that is a symbolic link is written through: the file it points to is replaced and the
 * link stays, as a shell's {@code >} would do.
 *
 * <p>Errors name the path and say what to do: a missing directory, a directory given as a file,
 * or a directory that cannot be written all raise an {@link IOException} with that message.
 *
 * @since 0.1.0
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Writes one UTF-8 text file atomically.
     *
     * @param target the file to (re)place
     * @param text   its content
     * @throws IOException if the file cannot be written; the target is then unchanged
     */
    public static void writeString(Path target, String text) throws IOException {
        Map<Path, byte[]> one = new LinkedHashMap<>();
        one.put(target, text.getBytes(StandardCharsets.UTF_8));
        writeAll(one);
    }

    /**
     * Writes several files: checks every target, stages every file, then moves each into place.
     *
     * @param files the targets and their bytes, in the order they are moved
     * @throws IOException if a target cannot be written; no target is touched unless all were staged
     */
    public static void writeAll(Map<Path, byte[]> files) throws IOException {
        for (Path target : files.keySet()) {
            check(target);
        }
        List<Path[]> staged = new ArrayList<>();
        try {
            for (Map.Entry<Path, byte[]> e : files.entrySet()) {
                Path target = throughLinks(e.getKey()).toAbsolutePath();
                Path tmp;
                try {
                    tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
                } catch (AccessDeniedException ex) {
                    throw new IOException("cannot write " + e.getKey() + ": no permission to create files in "
                            + target.getParent(), ex);
                }
                staged.add(new Path[] {tmp, target});
                Files.write(tmp, e.getValue());
                permissions(tmp, target);
            }
            for (Path[] s : staged) {
                move(s[0], s[1]);
            }
        } catch (IOException | RuntimeException ex) {
            for (Path[] s : staged) {
                Files.deleteIfExists(s[0]);
            }
            throw ex;
        }
    }

    /** @return the file a symbolic link points to (followed to the end), or the path itself */
    private static Path throughLinks(Path target) throws IOException {
        return Files.isSymbolicLink(target) && Files.exists(target) ? target.toRealPath() : target;
    }

    /**
     * Temporary files are created readable by the owner only; give the new file the permissions of
     * the file it replaces, or rw-r--r-- (what a plain write gives with the usual umask).
     */
    private static void permissions(Path tmp, Path target) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            return;
        }
        java.util.Set<java.nio.file.attribute.PosixFilePermission> p = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, p);
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException ex) {
            // Same directory, so this only happens on exotic file systems; a plain replace is the best left.
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Checks that a file can be written at {@code target}.
     *
     * @param target the output path
     * @throws IOException naming the problem: no parent directory, a directory at the path, a
     *                     read-only directory or a read-only existing file
     */
    public static void check(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("cannot write " + target + ": directory " + dir + " does not exist (create it first)");
        }
        if (Files.isDirectory(abs)) {
            throw new IOException("cannot write " + target + ": it is a directory; give a file name");
        }
        if (!Files.isWritable(dir)) {
            throw new IOException("cannot write " + target + ": directory " + dir + " is not writable");
        }
        if (Files.exists(abs) && !Files.isWritable(abs)) {
            throw new IOException("cannot write " + target + ": the existing file is read-only");
        }
    }
}
