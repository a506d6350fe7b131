package dev.sumlog.verify;

import dev.sumlog.tlog.sigstore.LogKey;
import dev.sumlog.tlog.sigstore.LogKeys;
import dev.sumlog.tlog.sigstore.RekorV1Entry;
import dev.sumlog.tlog.sigstore.RekorV2Entry;
import dev.sumlog.tlog.sigstore.TlogEntry;
import dev.sumlog.tlog.sigstore.TrustedRoot;
import dev.sumlog.tlog.timestamp.TrustedTsa;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What a bundle verification trusts: either a Sigstore trusted root (its logs, found by the entry's
 * log ID, and its timestamp authorities), or one log's public key ({@code --log-key}) and no TSA.
 *
 * <p>With a bare log key the log's URL matters only through its host: it is the checkpoint key name
 * (Rekor v1), or the checkpoint origin and part of the key ID (Rekor v2). Without {@code --log-url}
 * the host is read from the bundle's checkpoint origin ({@code <host>} or {@code <host> - <treeID>}).
 * That is safe because the origin is then checked against a signature by the trusted key: a bundle
 * naming another host fails to verify, it cannot pick its own key.
 */
final class BundleTrust {

    private final Optional<TrustedRoot> root;
    private final List<TrustedTsa> tsas;
    private final Optional<PublicKey> logKey;
    private final Optional<String> logUrl;

    private BundleTrust(Optional<TrustedRoot> root, List<TrustedTsa> tsas, Optional<PublicKey> logKey,
                        Optional<String> logUrl) {
        this.root = root;
        this.tsas = List.copyOf(tsas);
        this.logKey = logKey;
        this.logUrl = logUrl;
    }

    static BundleTrust ofTrustedRoot(TrustedRoot root, List<TrustedTsa> tsas) {
        return new BundleTrust(Optional.of(root), tsas, Optional.empty(), Optional.empty());
    }

    static BundleTrust ofLogKey(PublicKey key, Optional<String> logUrl) {
        return new BundleTrust(Optional.empty(), List.of(), Optional.of(key), logUrl);
    }

    /** True for a trusted root: Sigstore's rules apply in full (a signed time is required). */
    boolean isTrustedRoot() {
        return root.isPresent();
    }

    /** The TSAs whose timestamps count; none with a bare log key. */
    List<TrustedTsa> tsas() {
        return tsas;
    }

    /** The trusted log that wrote this entry, if any. */
    Optional<LogKey> logFor(TlogEntry entry) {
        if (root.isPresent()) {
            return root.get().logByKeyId(logId(entry));
        }
        String url = logUrl.orElseGet(() -> "https://" + originHost(entry));
        LogKey log;
        try {
            log = LogKeys.fromSpki(url, logKey.orElseThrow().getEncoded());
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the bundle's origin is no host name: not this log
        }
        return MessageDigest.isEqual(log.keyId(), logId(entry)) ? Optional.of(log) : Optional.empty();
    }

    /** The host a checkpoint origin names: a v1 origin is {@code <host> - <treeID>}, a v2 origin is the host. */
    static String originHost(TlogEntry entry) {
        String checkpoint = entry.inclusionProof().checkpoint();
        int newline = checkpoint.indexOf('\n');
        String origin = newline < 0 ? checkpoint : checkpoint.substring(0, newline);
        int dash = origin.indexOf(" - ");
        return (dash < 0 ? origin : origin.substring(0, dash)).trim();
    }

    private static byte[] logId(TlogEntry entry) {
        return entry instanceof RekorV2Entry v2 ? v2.logKeyId() : HexFormat.of().parseHex(((RekorV1Entry) entry).logId());
    }
}
