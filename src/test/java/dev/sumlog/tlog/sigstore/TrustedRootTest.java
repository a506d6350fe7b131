package dev.sumlog.tlog.sigstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.Vectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedRootTest {

    private static final String PROD_V1_ID = "c0d23d6ad406973f9559f3ba2d1ca01f84147d8ffc5b8445c224f98b9591801d";
    private static final String PROD_V2_ID = "cf1199155bddd051268d1f16ac5c0c75c009f6fb5a63f4177f8e18d7051e3fa0";

    @BeforeEach
    void requireVectors() {
        SigstoreVectors.require();
    }

    @Test
    void productionRootHasTheV1EcdsaLogTheV2Ed25519LogAndTheTimestampAuthority() {
        TrustedRoot root = SigstoreVectors.root(SigstoreVectors.PROD_ROOT);

        assertThat(root.tlogs()).extracting(LogKey::baseUrl)
                .containsExactly("https://rekor.sigstore.dev", "https://log2025-1.rekor.sigstore.dev");
        LogKey v1 = root.logByUrl("https://rekor.sigstore.dev/").orElseThrow();
        assertThat(v1.keyIdHex()).isEqualTo(PROD_V1_ID);
        assertThat(v1.keyDetails()).isEqualTo("PKIX_ECDSA_P256_SHA_256");
        assertThat(v1.key().getAlgorithm()).isEqualTo("EC");
        assertThat(v1.validFrom()).isEqualTo(Instant.parse("2021-01-12T11:53:27Z"));
        assertThat(v1.validTo()).isEmpty();
        assertThat(v1.host()).isEqualTo("rekor.sigstore.dev");

        LogKey v2 = root.logByKeyId(HexFormat.of().parseHex(PROD_V2_ID)).orElseThrow();
        assertThat(v2.baseUrl()).isEqualTo("https://log2025-1.rekor.sigstore.dev");
        assertThat(v2.isEd25519()).isTrue();
        // The trusted root's log ID is the C2SP key ID of the host name and the key.
        assertThat(LogKeys.c2spEd25519KeyId(v2.host(), PublicKeys.rawEd25519(v2.key()))).isEqualTo(v2.keyId());

        assertThat(root.timestampAuthorities()).hasSize(1);
        TimestampAuthority tsa = root.timestampAuthorities().get(0);
        assertThat(tsa.uri()).isEqualTo("https://timestamp.sigstore.dev/api/v1/timestamp");
        assertThat(tsa.chain()).hasSize(2);
        assertThat(tsa.chain().get(0).getSubjectX500Principal().getName()).contains("CN=sigstore-tsa");
    }

    @Test
    void logsAreFoundByUrlInAnyUsualSpellingOnly() {
        TrustedRoot root = SigstoreVectors.root(SigstoreVectors.PROD_ROOT);
        assertThat(root.logByUrl("HTTPS://Rekor.Sigstore.dev:443//")).isPresent();
        assertThat(root.logByUrl("rekor.sigstore.dev")).isPresent();
        assertThat(root.logByUrl("https://rekor.sigstore.dev/api")).isEmpty();
        assertThat(root.logByUrl("http://rekor.sigstore.dev:8080")).isEmpty();
        assertThat(root.logByKeyId(new byte[32])).isEmpty();
    }

    @Test
    void stagingRootsParse() {
        TrustedRoot python = SigstoreVectors.root(SigstoreVectors.STAGING_ROOT);
        assertThat(python.tlogs()).extracting(LogKey::host).containsExactly("rekor.sigstage.dev",
                "log2025-alpha1.rekor.sigstage.dev", "log2025-alpha2.rekor.sigstage.dev",
                "log2025-alpha3.rekor.sigstage.dev");
        TrustedRoot java = SigstoreVectors.root(SigstoreVectors.JAVA_STAGING_ROOT);
        assertThat(java.logByUrl("https://rekor.sigstage.dev").orElseThrow().keyIdHex())
                .isEqualTo("d32f30a3c32d639c2b762205a21c7bb07788e68283a4ae6f42118723a1bea496");
        assertThat(java.timestampAuthorities()).extracting(TimestampAuthority::uri)
                .containsExactly("https://timestamp.sigstage.dev/api/v1/timestamp", "tsa.github.internal");
        assertThat(java.timestampAuthorities().get(1).chain()).hasSize(3);
    }

    @Test
    void unknownKeyTypesAreSkipped(@TempDir Path dir) throws Exception {
        String json = Vectors.text(SigstoreVectors.PROD_ROOT).replace("\"PKIX_ED25519\"", "\"PKIX_ML_DSA_65\"");
        Path file = Files.writeString(dir.resolve("trusted_root.json"), json);
        assertThat(TrustedRoot.read(file).tlogs()).extracting(LogKey::baseUrl)
                .containsExactly("https://rekor.sigstore.dev");
    }

    @Test
    void badJsonGetsOneLineNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("root.json"), "{\"tlogs\": [\n{\"baseUrl\": }");
        assertThatThrownBy(() -> TrustedRoot.read(file)).isInstanceOf(TlogException.class)
                .hasMessageStartingWith("trusted root " + file + ": not valid JSON")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        Path missing = dir.resolve("absent.json");
        assertThatThrownBy(() -> TrustedRoot.read(missing)).hasMessageStartingWith("trusted root " + missing);
    }

    @Test
    void badFieldsAreNamed() {
        assertThatThrownBy(() -> TrustedRoot.parse("{\"tlogs\":[{\"baseUrl\":\"https://x\",\"publicKey\":{"
                + "\"rawBytes\":\"AAAA\",\"keyDetails\":\"PKIX_ECDSA_P256_SHA_256\"}}]}", "r.json"))
                .hasMessage("trusted root r.json: tlogs[0].publicKey: rawBytes is not a PKIX_ECDSA_P256_SHA_256 key");
        assertThatThrownBy(() -> TrustedRoot.parse("{\"mediaType\":\"application/json\"}", "r.json"))
                .hasMessage("trusted root r.json: unexpected mediaType 'application/json'");
    }

    @Test
    void pemKeysGetTheLogIdTheirLogUses() {
        LogKey staging = LogKeys.fromPem("https://rekor.sigstage.dev", Vectors.text(SigstoreVectors.STAGING_KEY));
        assertThat(staging.keyIdHex()).isEqualTo("d32f30a3c32d639c2b762205a21c7bb07788e68283a4ae6f42118723a1bea496");
        assertThat(staging.keyDetails()).isEqualTo("PKIX_ECDSA_P256_SHA_256");

        LogKey prodV2 = SigstoreVectors.root(SigstoreVectors.PROD_ROOT).tlogs().get(1);
        LogKey fromPem = LogKeys.fromPem("https://log2025-1.rekor.sigstore.dev/",
                HashedRekordV1.canonicalPem(prodV2.key()));
        assertThat(fromPem.keyIdHex()).isEqualTo(PROD_V2_ID);
        assertThat(fromPem.keyDetails()).isEqualTo("PKIX_ED25519");
    }
}
