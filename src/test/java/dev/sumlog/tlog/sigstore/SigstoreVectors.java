package dev.sumlog.tlog.sigstore;

import dev.sumlog.tlog.Vectors;
import java.security.PublicKey;

/** The shared Sigstore vectors, read in place (skipping the calling test when absent). */
final class SigstoreVectors {

    static final String PROD_ROOT = "sigstore-python/trusted_root.prod.json";
    static final String STAGING_ROOT = "sigstore-python/trusted_root.staging.json";
    static final String JAVA_STAGING_ROOT = "sigstore-java/staging_trusted_root.json";
    static final String V1_ENTRY = "sigstore-java/entry.json";
    static final String V2_ENTRY = "sigstore-java/entry-v2.json";
    static final String STAGING_KEY = "sigstore-java/rekor.pub";

    private SigstoreVectors() {
    }

    /**
     * Skips the test unless both Sigstore vector folders are present. Called before each test,
     * so that a missing file cannot surface inside an assertThatThrownBy lambda as a failure.
     */
    static void require() {
        Vectors.require("sigstore-java");
        Vectors.require("sigstore-python");
    }

    static TrustedRoot root(String relative) {
        return TrustedRoot.read(Vectors.require(relative));
    }

    static RekorV1Entry v1Entry() {
        return RekorV1Entry.parse(Vectors.text(V1_ENTRY));
    }

    static RekorV2Entry v2Entry() {
        return RekorV2Entry.parse(Vectors.text(V2_ENTRY));
    }

    static PublicKey stagingV1Key() {
        return LogKeys.fromPem("https://rekor.sigstage.dev", Vectors.text(STAGING_KEY)).key();
    }

    static SigstoreBundle bundle(String relative) {
        return SigstoreBundle.parse(Vectors.text(relative));
    }
}
