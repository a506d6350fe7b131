package dev.sumlog.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedFilesTest {

    @TempDir
    Path dir;

    @Test
    void createsParentsReplacesContentAndLeavesNoTempFiles() throws IOException {
        Path target = dir.resolve("openstack/nova/nova-27.0.0.SHA256SUMS");

        PublishedFiles.write(target, "first\n".getBytes(StandardCharsets.UTF_8));
        PublishedFiles.write(target, "second\n".getBytes(StandardCharsets.UTF_8));

        assertThat(target).hasContent("second");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("nova-27.0.0.SHA256SUMS");
        }
        if (Files.getFileStore(target).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
        }
    }

    @Test
    void aTempFileLeftByAKilledWriteIsReusedAndRenamedAwayByTheNextWrite() throws IOException {
        Path target = dir.resolve("nova-27.0.0.SHA256SUMS");
        Files.writeString(dir.resolve(PublishedFiles.tempName(target.getFileName().toString())), "half a file");

        PublishedFiles.write(target, "whole\n".getBytes());

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("nova-27.0.0.SHA256SUMS");
        }
        assertThat(Files.readString(target)).isEqualTo("whole\n");
    }
}
