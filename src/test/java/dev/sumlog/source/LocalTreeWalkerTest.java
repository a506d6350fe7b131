package dev.sumlog.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTreeWalkerTest {

    @TempDir
    Path root;

    @Test
    void walksInTreeOrderAndResumesStrictlyAfterAnyCursor() throws IOException {
        Random random = new Random(7);
        String[] names = {"a", "a-b", "a.b", "B", "z", "é", "a b", "0"};
        for (int i = 0; i < 200; i++) {
            StringBuilder path = new StringBuilder();
            int depth = 1 + random.nextInt(3);
            for (int d = 0; d < depth; d++) {
                path.append(d == 0 ? "" : "/").append(names[random.nextInt(names.length)]).append(d < depth - 1 ? "_d" : "");
            }
            Trees.write(root.resolve(path + ".f" + i), "x" + i);
        }
        List<String> all = paths(new LocalTreeWalker(root, PathFilter.all(), null));

        assertThat(all).hasSize(200).doesNotHaveDuplicates();
        assertThat(all).isSortedAccordingTo(TreeOrder::compare);
        for (int i = 0; i < all.size(); i++) {
            List<String> resumed = paths(new LocalTreeWalker(root, PathFilter.all(), all.get(i)));
            assertThat(resumed).as("resume after %s", all.get(i)).isEqualTo(all.subList(i + 1, all.size()));
        }
    }

    @Test
    void reportsLinksAndSpecialFilesWithoutFollowingThemOut() throws Exception {
        Trees.write(root.resolve("d/nova-1.0.tar.gz"), "n");
        Path outside = Files.createTempFile("outside", ".txt");
        Files.createSymbolicLink(root.resolve("d/escape"), outside);
        Files.createSymbolicLink(root.resolve("d/loop1"), root.resolve("d/loop2"));
        Files.createSymbolicLink(root.resolve("d/loop2"), root.resolve("d/loop1"));
        Files.createSymbolicLink(root.resolve("d/dirlink"), root.resolve("d"));
        Files.createSymbolicLink(root.resolve("d/filelink"), root.resolve("d/nova-1.0.tar.gz"));
        new ProcessBuilder("mkfifo", root.resolve("d/pipe").toString()).start().waitFor();

        List<CrawledFile> found = new ArrayList<>();
        new LocalTreeWalker(root, PathFilter.all(), null).forEachRemaining(found::add);

        assertThat(found).extracting(CrawledFile::path, CrawledFile::skipped).containsExactly(
                org.assertj.core.groups.Tuple.tuple("d/dirlink", false),
                org.assertj.core.groups.Tuple.tuple("d/escape", true),
                org.assertj.core.groups.Tuple.tuple("d/filelink", false),
                org.assertj.core.groups.Tuple.tuple("d/loop1", true),
                org.assertj.core.groups.Tuple.tuple("d/loop2", true),
                org.assertj.core.groups.Tuple.tuple("d/nova-1.0.tar.gz", false),
                org.assertj.core.groups.Tuple.tuple("d/pipe", true));
        assertThat(found.get(1).problem()).contains("outside the archive root");
        assertThat(found.get(2).isRegular()).isTrue();
        assertThat(found.get(3).problem()).contains("loop");
        assertThat(found.get(6).problem()).contains("FIFO");
        Files.delete(outside);
    }

    @Test
    void filtersByIncludeAndExcludeGlobs() throws IOException {
        Trees.write(root.resolve("openstack/nova/nova-1.0.tar.gz"), "a");
        Trees.write(root.resolve("openstack/nova/nova-1.0.tar.gz.asc"), "b");
        Trees.write(root.resolve("x/tmp/junk"), "c");
        var filter = new PathFilter(List.of("openstack/**", "x/**"), List.of("**/*.asc", "x/tmp"));

        assertThat(paths(new LocalTreeWalker(root, filter, null))).containsExactly("openstack/nova/nova-1.0.tar.gz");
    }

    private static List<String> paths(LocalTreeWalker walker) {
        List<String> result = new ArrayList<>();
        walker.forEachRemaining(f -> result.add(f.path()));
        return result;
    }
}
