package dev.sumlog.cli;

import dev.sumlog.job.BackfillSpec.RemoteKind;
import dev.sumlog.job.BackfillSpec.RemoteLogSpec;
import dev.sumlog.signing.SigningKey;
import dev.sumlog.signing.SigningKeyException;
import dev.sumlog.submit.remote.LogHttp;
import dev.sumlog.submit.remote.RekorV1Log;
import dev.sumlog.submit.remote.RekorV2Log;
import dev.sumlog.submit.remote.RemoteLog;
import dev.sumlog.submit.remote.RemoteLogs;
import dev.sumlog.submit.remote.RgetRecorder;
import dev.sumlog.submit.remote.Timestamps;
import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.sigstore.LogKey;
import dev.sumlog.tlog.sigstore.LogKeys;
import dev.sumlog.tlog.sigstore.TimestampAuthority;
import dev.sumlog.tlog.sigstore.TrustedRoot;
import dev.sumlog.tlog.tiles.HttpTileFetcher;
import dev.sumlog.tlog.timestamp.TimestampClient;
import dev.sumlog.tlog.timestamp.TrustedTsa;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a job's remote logs before anything starts: reads the signing key (job file, else
 * {@code SUMLOG_SIGNING_KEY}) and the log's key (trusted root or PEM). Each failure is one line
 * naming the file or variable (exit 2). The first Sigstore log's bundles are
 * {@code <sums>.sigstore.json}; any further one's are {@code <sums>.<host>.sigstore.json}.
 */
final class RemoteLogOpener {

    static final String SIGNING_KEY_VARIABLE = "SUMLOG_SIGNING_KEY";
    static final String BUNDLE_SUFFIX = ".sigstore.json";

    private RemoteLogOpener() {
    }

    static RemoteLogs open(List<RemoteLogSpec> specs, Map<String, String> env) {
        List<RemoteLogs.Opened> opened = new ArrayList<>();
        boolean firstBundle = true;
        for (int i = 0; i < specs.size(); i++) {
            RemoteLogSpec spec = specs.get(i);
            String field = "logs[" + i + "]";
            String suffix = firstBundle ? BUNDLE_SUFFIX : "." + spec.url().getHost() + BUNDLE_SUFFIX;
            firstBundle &= spec.kind() == RemoteKind.RGET;
            RemoteLog log = switch (spec.kind()) {
                case REKOR_V1 -> new RekorV1Log(spec.url(), logKey(spec, field, false), signingKey(spec, field, env),
                        new LogHttp(spec.timeout()), timestamps(spec, field), suffix);
                case REKOR_V2 -> new RekorV2Log(spec.url(), logKey(spec, field, true), signingKey(spec, field, env),
                        new LogHttp(spec.timeout()), new HttpTileFetcher(URI.create(spec.url() + "/"),
                        HttpClient.newHttpClient(), spec.timeout()), timestamps(spec, field), suffix);
                case RGET -> new RgetRecorder(spec.url(), new LogHttp(spec.timeout()));
            };
            opened.add(new RemoteLogs.Opened(log, spec.policy(), spec.concurrency()));
        }
        return new RemoteLogs(opened);
    }

    private static SigningKey signingKey(RemoteLogSpec spec, String field, Map<String, String> env) {
        Path path = spec.signingKey();
        if (path == null) {
            String named = env.get(SIGNING_KEY_VARIABLE);
            if (named == null || named.isBlank()) {
                throw new UsageException(field + " (" + spec.url() + "): no signing key: set 'signing-key' in the job "
                        + "file or " + SIGNING_KEY_VARIABLE + " to the private key's path (scripts/sumlog keygen makes one)");
            }
            path = Path.of(named);
        }
        try {
            return SigningKey.load(path, env);
        } catch (SigningKeyException e) {
            throw new UsageException(field + ": " + e.getMessage());
        }
    }

    static LogKey logKey(RemoteLogSpec spec, String field, boolean v2) {
        LogKey key;
        try {
            if (spec.trustedRoot() != null) {
                key = trustedRoot(spec, field).logByUrl(spec.url().toString()).orElseThrow(() -> new UsageException(
                        field + ".trusted-root: " + spec.trustedRoot() + " lists no log at " + spec.url()));
            } else {
                key = LogKeys.fromPem(spec.url().toString(), Files.readString(spec.logKey()));
            }
        } catch (IOException e) {
            throw new UsageException(field + ".log-key: cannot read " + spec.logKey() + ": " + e.getMessage());
        } catch (IllegalArgumentException | TlogException e) {
            throw new UsageException(field + ".log-key: " + spec.logKey() + ": " + e.getMessage());
        }
        if (v2 != key.isEd25519()) {
            throw new UsageException(field + ": the key of " + spec.url() + " is " + key.keyDetails() + "; a "
                    + spec.kind().target() + " log signs with " + (v2 ? "Ed25519" : "ECDSA"));
        }
        return key;
    }

    private static TrustedRoot trustedRoot(RemoteLogSpec spec, String field) {
        try {
            return TrustedRoot.read(spec.trustedRoot());
        } catch (TlogException | IllegalArgumentException e) {
            throw new UsageException(field + ".trusted-root: " + e.getMessage());
        }
    }

    private static Timestamps timestamps(RemoteLogSpec spec, String field) {
        if (spec.timestampUrl() == null) {
            return Timestamps.none();
        }
        List<TrustedTsa> tsas = spec.trustedRoot() != null
                ? TimestampAuthority.trusted(trustedRoot(spec, field))
                : List.of(chain(spec.timestampChain(), field + ".timestamp-chain"));
        if (tsas.isEmpty()) {
            throw new UsageException(field + ".trusted-root: " + spec.trustedRoot() + " lists no timestamp authority");
        }
        return Timestamps.from(new TimestampClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .build(), spec.timestampUrl(), spec.timeout()), tsas);
    }

    /** A TSA given as a PEM chain (leaf first), trusted from its leaf's start of validity. */
    private static TrustedTsa chain(Path pem, String field) {
        try (var in = Files.newInputStream(pem)) {
            List<X509Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (certs.isEmpty()) {
                throw new UsageException(field + ": " + pem + " holds no PEM certificate");
            }
            return new TrustedTsa(certs, certs.get(0).getNotBefore().toInstant(), Optional.empty());
        } catch (IOException e) {
            throw new UsageException(field + ": cannot read " + pem + ": " + e.getMessage());
        } catch (CertificateException | IllegalArgumentException e) {
            throw new UsageException(field + ": " + pem + " is not a PEM certificate chain: " + e.getMessage());
        }
    }
}
