package dev.sumlog.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/sumlog} must never run target/sumlog.jar itself: a rebuild rewrites that file in
 * place, and a JVM that loads a class lazily from a jar rewritten under it crashes. The real script
 * runs here over a stand-in jar (compiled by the test, newer than the stand-in sources, so no Maven
 * build starts) whose second class is loaded only after the jar has been rewritten.
 */
class LauncherScriptTest {

    @TempDir
    Path project;

    private final Map<Process, Path> outputs = new HashMap<>();

    @Test
    void aRunningSumlogSurvivesARebuildAndTheNextRunGetsTheNewJar() throws Exception {
        assumeTrue(ToolProvider.getSystemJavaCompiler() != null, "no compiler in this JRE: cannot build the stand-in jar");
        Path script = project.resolve("scripts/sumlog");
        Files.createDirectories(script.getParent());
        Files.copy(Path.of("scripts/sumlog"), script);
        script.toFile().setExecutable(true);
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Files.createDirectories(project.resolve("src/main"));
        Path jar = project.resolve("target/sumlog.jar");
        Path go = project.resolve("go");
        writeJar(jar, "v1", go);

        Process first = start(script);
        awaitLine(first, "started v1");
        writeJar(jar, "v2", go);                     // the rebuild: same file, rewritten in place
        Process second = start(script);
        awaitLine(second, "started v2");
        Files.writeString(go, "go");

        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output(first)).as("the first run loads its late class from the jar it started with")
                .contains("late v1").doesNotContain("Exception", "Error");
        assertThat(output(first)).as("what the command says on stderr (one-line errors) reaches the caller")
                .contains("stderr v1");
        assertThat(first.exitValue()).isZero();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output(second)).contains("late v2");
        // each build has its own folder with the class-data archive its first successful run wrote
        try (var builds = Files.list(project.resolve("target/run"))) {
            assertThat(builds.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith(".")))
                    .hasSize(2).allSatisfy(build -> assertThat(archives(build)).singleElement()
                            .satisfies(jsa -> assertThat(jsa.getFileName().toString()).matches("other-[0-9]+\\.jsa")));
        }
    }

    /** The files of a build's cds folder: archives only, no temp files left behind. */
    private static List<Path> archives(Path build) throws IOException {
        try (var files = Files.list(build.resolve("cds"))) {
            return files.toList();
        }
    }

    private Process start(Path script) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(script.toString()).redirectErrorStream(true)
                .redirectOutput(project.resolve("out-" + System.nanoTime() + ".txt").toFile());
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        Process process = builder.start();
        outputs.put(process, builder.redirectOutput().file().toPath());
        return process;
    }

    private String output(Process process) throws IOException {
        return Files.readString(outputs.get(process), StandardCharsets.UTF_8);
    }

    private void awaitLine(Process process, String line) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!output(process).contains(line)) {
            assertThat(System.nanoTime()).as(output(process)).isLessThan(deadline);
            assertThat(process.isAlive() || output(process).contains(line)).as(output(process)).isTrue();
            Thread.sleep(20);
        }
    }

    /** A jar whose Main prints, waits for {@code go}, then loads a second class from the same jar. */
    private static void writeJar(Path jar, String version, Path go) throws IOException {
        Path sources = Files.createTempDirectory("launcher-src");
        Files.writeString(sources.resolve("Main.java"), """
                public class Main {
                    public static void main(String[] args) throws Exception {
                        System.out.println("started %s");
                        while (!java.nio.file.Files.exists(java.nio.file.Path.of("%s"))) {
                            Thread.sleep(20);
                        }
                        Late.hello();
                    }
                }
                """.formatted(version, go));
        // Padding makes the two builds differ in size and layout, as real rebuilds do.
        Files.writeString(sources.resolve("Late.java"), """
                public class Late {
                    static final String PADDING = "%s";
                    static void hello() {
                        System.out.println("late %s");
                        System.err.println("stderr %s");
                    }
                }
                """.formatted("x".repeat(version.equals("v1") ? 10 : 5000), version, version));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, errors, "-d", sources.toString(),
                sources.resolve("Main.java").toString(), sources.resolve("Late.java").toString());
        assertThat(rc).as(errors.toString()).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Main");
        Files.createDirectories(jar.getParent());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            for (String name : List.of("Main.class", "Late.class")) {
                out.putNextEntry(new JarEntry(name));
                out.write(Files.readAllBytes(sources.resolve(name)));
                out.closeEntry();
            }
        }
        Files.write(jar, bytes.toByteArray());   // truncates and rewrites the same inode, like a rebuild
        // Newer than pom.xml and src/main, so the script does not start Maven.
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(version.equals("v1") ? 60 : 120)));
    }
}
