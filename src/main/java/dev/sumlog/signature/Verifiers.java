package dev.sumlog.signature;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.operator.PGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;

/**
 * Binds a signature to the key that should verify it.
 *
 * <p>The JDK's own providers come first because the artifact's bytes go through this digest: the JDK's
 * SHA-2 uses the CPU's SHA instructions, Bouncy Castle's lightweight digests are plain Java and several
 * times slower on a large file. Algorithms the JDK does not have (legacy EdDSA keys, Brainpool curves, ...)
 * fall back to Bouncy Castle's lightweight implementation, which needs no registered provider.
 */
final class Verifiers {

    private static final PGPContentVerifierBuilderProvider JDK = new JcaPGPContentVerifierBuilderProvider();
    private static final PGPContentVerifierBuilderProvider BOUNCY_CASTLE = new BcPGPContentVerifierBuilderProvider();

    private Verifiers() {
    }

    /** Initialises {@code signature} for verification with {@code key}. @throws PGPException when no implementation can */
    static void init(PGPSignature signature, PGPPublicKey key) throws PGPException {
        try {
            signature.init(JDK, key);
        } catch (PGPException | RuntimeException jdkCannot) {
            signature.init(BOUNCY_CASTLE, key);
        }
    }
}
