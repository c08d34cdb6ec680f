package dev.candor.notebook.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles one class with javax.tools and packs it in a jar, for the {@code %jars} tests. */
final class TestJars {
    private TestJars() {
    }

    static Path jarWithClass(Path dir, String jarName, String className, String source) throws IOException {
        Path src = Files.createTempDirectory("kernel-test-src");
        Path classes = Files.createTempDirectory("kernel-test-classes");
        Path file = src.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(), file.toString());
        assertTrue(rc == 0, "test class compiles");
        Files.createDirectories(dir);
        Path jar = dir.resolve(jarName);
        String entry = className.replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out)) {
            jos.putNextEntry(new JarEntry(entry));
            jos.write(Files.readAllBytes(classes.resolve(entry)));
            jos.closeEntry();
        }
        for (Path p : List.of(file, classes.resolve(entry))) {
            Files.deleteIfExists(p);
        }
        return jar;
    }
}
