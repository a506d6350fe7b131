package dev.sumlog.catalog;

import static dev.sumlog.catalog.TestCatalog.sha;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.catalog.OutputRepository.OutputFile;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutputRepositoryTest {

    private final TestCatalog catalog = TestCatalog.create();
    private final OutputRepository outputs = new OutputRepository(catalog.jdbc);

    @AfterEach
    void close() {
        catalog.close();
    }

    @Test
    void recordInsertsThenUpdatesTheDigestOnlyUnderItsOutRoot() {
        outputs.record("/out", List.of(new OutputFile("a.SHA256SUMS", sha("a1")), new OutputFile("d/b.SHA256SUMS", sha("b1"))));
        outputs.record("/other", List.of(new OutputFile("a.SHA256SUMS", sha("other"))));

        outputs.record("/out", List.of(new OutputFile("a.SHA256SUMS", sha("a2")), new OutputFile("c.tlog-proof", sha("c1"))));

        assertThat(outputs.owned("/out", List.of("a.SHA256SUMS", "d/b.SHA256SUMS", "c.tlog-proof", "missing")))
                .isEqualTo(Map.of("a.SHA256SUMS", sha("a2"), "d/b.SHA256SUMS", sha("b1"), "c.tlog-proof", sha("c1")));
        assertThat(outputs.owned("/other", List.of("a.SHA256SUMS", "d/b.SHA256SUMS")))
                .isEqualTo(Map.of("a.SHA256SUMS", sha("other")));
        assertThat(catalog.jdbc.queryForObject("SELECT COUNT(*) FROM output_file", Integer.class)).isEqualTo(4);
        assertThat(outputs.owned("/nowhere", List.of("a.SHA256SUMS"))).isEmpty();
    }

    @Test
    void ownedAcceptsDuplicatesAndMoreThanOneSliceOfPaths() {
        List<OutputFile> many = IntStream.range(0, 1203).mapToObj(i -> new OutputFile("f" + i, sha("" + i))).toList();
        outputs.record("/out", many);
        List<String> asked = new java.util.ArrayList<>(many.stream().map(OutputFile::path).toList());
        asked.add("f0");
        asked.add("not-mine");

        Map<String, String> owned = outputs.owned("/out", asked);

        assertThat(owned).hasSize(1203).containsEntry("f0", sha("0")).containsEntry("f1202", sha("1202"));
        outputs.record("/out", List.of());
        assertThat(outputs.owned("/out", List.of())).isEmpty();
    }
}
