package dev.sumlog.signature;

import dev.sumlog.signature.PendingSignature.Attempt;
import dev.sumlog.signature.SignatureResult.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

/**
 * Checks OpenPGP detached signatures of artifacts against {@link TrustedKeys}.
 *
 * <p>{@link #start} is the form for the hashing pass, which streams the artifact once; the {@code verify}
 * methods read the artifact themselves. A bad signature or signature file is a {@link SignatureResult},
 * never an exception; the only exceptions are I/O errors reading the artifact.
 */
public final class DetachedSignatures {

    /** A detached signature is a few hundred bytes; a much larger "signature" is some other file. */
    public static final long MAX_SIGNATURE_BYTES = 1024 * 1024;

    private static final int READ_CHUNK = 256 * 1024;

    private DetachedSignatures() {
    }

    /** Opens a check of {@code signatureFile} (the bytes of a {@code .asc} or {@code .sig}), ready for the artifact's bytes. */
    public static PendingSignature start(TrustedKeys keys, byte[] signatureFile) {
        List<PGPSignature> signatures;
        try {
            signatures = SignatureFile.documentSignatures(signatureFile);
        } catch (SignatureFile.Malformed e) {
            return new PendingSignature(List.of(), List.of(SignatureResult.malformed(e.getMessage())));
        }
        List<Attempt> attempts = new ArrayList<>();
        List<SignatureResult> settled = new ArrayList<>();
        for (PGPSignature signature : signatures) {
            List<TrustedKey> candidates = keys.candidates(signature.getKeyIdentifiers());
            if (candidates.isEmpty()) {
                settled.add(SignatureResult.unknownKey(createdAt(signature),
                        "signed by " + issuer(signature) + ", which is not in the trusted keyrings"));
            }
            for (int i = 0; i < candidates.size(); i++) {
                TrustedKey key = candidates.get(i);
                try {
                    PGPSignature own = i == 0 ? signature : copy(signature);
                    Verifiers.init(own, key.key());
                    attempts.add(new Attempt(own, key));
                } catch (PGPException | RuntimeException e) {
                    settled.add(SignatureResult.of(Status.BAD, key, createdAt(signature),
                            "cannot verify with " + KeyTimeline.describe(key) + ": " + OneLine.of(e)));
                }
            }
        }
        return new PendingSignature(attempts, settled);
    }

    /** Reads {@code artifact} to its end (it is not closed) and checks it. */
    public static SignatureResult verify(TrustedKeys keys, InputStream artifact, byte[] signatureFile)
            throws IOException {
        PendingSignature pending = start(keys, signatureFile);
        if (pending.needsContent()) {
            byte[] buffer = new byte[READ_CHUNK];
            int read;
            while ((read = artifact.read(buffer)) != -1) {
                pending.update(buffer, 0, read);
            }
        }
        return pending.finish();
    }

    public static SignatureResult verify(TrustedKeys keys, byte[] artifact, byte[] signatureFile) {
        PendingSignature pending = start(keys, signatureFile);
        pending.update(artifact);
        return pending.finish();
    }

    /**
     * Checks {@code artifact} against the signature file at {@code signature}. A missing signature file is
     * {@link Status#NO_SIGNATURE}; one too large to be a signature is {@link Status#MALFORMED}.
     *
     * @throws IOException when the artifact (or an existing signature file) cannot be read
     */
    public static SignatureResult verify(TrustedKeys keys, Path artifact, Path signature) throws IOException {
        byte[] signatureFile;
        try {
            if (Files.size(signature) > MAX_SIGNATURE_BYTES) {
                return SignatureResult.malformed(signature.getFileName() + " is larger than "
                        + MAX_SIGNATURE_BYTES / 1024 + " KiB");
            }
            signatureFile = Files.readAllBytes(signature);
        } catch (NoSuchFileException e) {
            return SignatureResult.noSignature();
        }
        try (InputStream in = Files.newInputStream(artifact)) {
            return verify(keys, in, signatureFile);
        }
    }

    static Instant createdAt(PGPSignature signature) {
        return signature.getCreationTime() == null ? Instant.EPOCH : signature.getCreationTime().toInstant();
    }

    private static String issuer(PGPSignature signature) {
        return signature.getKeyIdentifiers().stream()
                .filter(id -> !id.isWildcard())
                .map(id -> id.getFingerprint() != null ? "key " + TrustedKey.hex(id.getFingerprint())
                        : "key ID " + HexFormat.of().withUpperCase().toHexDigits(id.getKeyId()))
                .findFirst()
                .orElse("an unnamed key");
    }

    /** Each trusted key that might have signed needs its own digest state, so its own signature object. */
    private static PGPSignature copy(PGPSignature signature) throws PGPException {
        try {
            Object object = new BcPGPObjectFactory(signature.getEncoded()).nextObject();
            return ((PGPSignatureList) object).get(0);
        } catch (IOException e) {
            throw new PGPException("cannot copy signature: " + OneLine.of(e), e);
        }
    }
}
