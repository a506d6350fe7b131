package dev.sumlog.digest;

/**
 * What a read pass knows of an artifact's detached signature before it reads the artifact.
 *
 * @param check         whether the artifact's signature is checked at all (signature checks are on and
 *                      the artifact is a release's subject, not a sidecar or a mutable file)
 * @param signatureFile the bytes of its {@code .asc} or {@code .sig}, or null when it has none
 * @param name          the signature file's name, for messages (null when it has none)
 */
public record SignatureInput(boolean check, byte[] signatureFile, String name) {

    private static final SignatureInput NONE = new SignatureInput(false, null, null);
    private static final SignatureInput MISSING = new SignatureInput(true, null, null);

    /** The artifact's signature is not checked. */
    public static SignatureInput notChecked() {
        return NONE;
    }

    /** The artifact should be signed and has no signature file. */
    public static SignatureInput missing() {
        return MISSING;
    }

    public static SignatureInput of(String name, byte[] signatureFile) {
        return new SignatureInput(true, signatureFile, name);
    }
}
