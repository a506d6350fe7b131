package dev.sumlog.tlog.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.Vectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 196 transparency-dev/merkle probes (testdata/inclusion/** and consistency/**): each must
 * give its expected wantErr. Sizes and indexes are uint64 in the probes; a value above
 * 2^63 - 1 becomes a negative long, which the verifier rejects as out of range.
 */
class ProbeConformanceTest {

    private static final String ROOT = "transparency-dev-merkle/testdata";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TestFactory
    Stream<DynamicTest> inclusionProbes() throws IOException {
        return probes("inclusion").map(file -> DynamicTest.dynamicTest(name(file), () -> {
            JsonNode p = JSON.readTree(file.toFile());
            check(p, () -> ProofVerifier.verifyInclusion(uint64(p, "leafIdx"), uint64(p, "treeSize"),
                    b64(p, "leafHash"), proof(p), b64(p, "root")));
        }));
    }

    @TestFactory
    Stream<DynamicTest> consistencyProbes() throws IOException {
        return probes("consistency").map(file -> DynamicTest.dynamicTest(name(file), () -> {
            JsonNode p = JSON.readTree(file.toFile());
            check(p, () -> ProofVerifier.verifyConsistency(uint64(p, "size1"), uint64(p, "size2"),
                    proof(p), b64(p, "root1"), b64(p, "root2")));
        }));
    }

    @Test
    void all196ProbesArePresent() throws IOException {
        assertThat(Stream.concat(probes("inclusion"), probes("consistency")).count()).isEqualTo(196);
    }

    private static void check(JsonNode probe, ThrowingCallable verification) {
        if (probe.get("wantErr").booleanValue()) {
            assertThatThrownBy(verification).as(probe.get("desc").stringValue()).isInstanceOf(TlogException.class);
        } else {
            assertThatCode(verification).as(probe.get("desc").stringValue()).doesNotThrowAnyException();
        }
    }

    private static Stream<Path> probes(String kind) throws IOException {
        Path dir = Vectors.require(ROOT + "/" + kind);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    private static String name(Path file) {
        return Vectors.dir().resolve(ROOT).relativize(file).toString();
    }

    private static long uint64(JsonNode probe, String field) {
        return probe.get(field).bigIntegerValue().longValue();
    }

    private static byte[] b64(JsonNode probe, String field) {
        return Base64.getDecoder().decode(probe.get(field).stringValue());
    }

    private static List<byte[]> proof(JsonNode probe) {
        JsonNode proof = probe.get("proof");
        return proof == null || proof.isNull() ? List.of()
                : proof.values().stream().map(h -> Base64.getDecoder().decode(h.stringValue())).toList();
    }
}
