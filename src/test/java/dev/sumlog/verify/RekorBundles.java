package dev.sumlog.verify;

import dev.sumlog.fakes.FakeRekorV1;
import dev.sumlog.fakes.FakeRekorV2;
import dev.sumlog.signing.KeyPairFiles;
import dev.sumlog.signing.SigningKey;
import dev.sumlog.submit.remote.LogHttp;
import dev.sumlog.submit.remote.RekorV1Log;
import dev.sumlog.submit.remote.RekorV2Log;
import dev.sumlog.submit.remote.RemoteLog;
import dev.sumlog.submit.remote.Timestamps;
import dev.sumlog.submit.remote.TrustedRoots;
import dev.sumlog.support.Sha256;
import dev.sumlog.testing.FakeTsa;
import dev.sumlog.tlog.sigstore.LogKeys;
import dev.sumlog.tlog.tiles.HttpTileFetcher;
import dev.sumlog.tlog.timestamp.TimestampClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

/**
 * Real Sigstore bundles as sumlog's remote-log submit path writes them: a release signing key made
 * by keygen, a fake Rekor v1 (SET, no timestamp) and a fake Rekor v2 (with an RFC 3161 timestamp
 * from a fake TSA), each already holding other submitters' entries, and a trusted root naming all three.
 */
final class RekorBundles implements AutoCloseable {

    static final String BUNDLE_SUFFIX = ".sigstore.json";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    final FakeRekorV1 v1;
    final FakeRekorV2 v2;
    final FakeTsa tsa;
    final Path keyDir;
    private final SigningKey signer;
    private final SecureRandom random = new SecureRandom();

    private RekorBundles(Path keyDir) throws Exception {
        this.keyDir = keyDir;
        this.signer = KeyPairFiles.create(keyDir);
        this.v1 = FakeRekorV1.start();
        this.v2 = FakeRekorV2.start();
        this.tsa = FakeTsa.start();
        v1.prefill(5);
        v2.prefill(3);
    }

    static RekorBundles start(Path keyDir) throws Exception {
        return new RekorBundles(keyDir);
    }

    /** The signer's public key file, as keygen wrote it. */
    Path publicKey() {
        return keyDir.resolve(KeyPairFiles.PUBLIC_KEY_FILE);
    }

    /** A trusted_root.json naming both fake logs and the fake TSA. */
    String trustedRootJson() {
        return TrustedRoots.of(v1, v2, tsa);
    }

    Path trustedRoot(Path dir) throws Exception {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("trusted_root.json"), trustedRootJson());
    }

    /**
     * What a downstream user downloads for one release logged in Rekor v1 or v2: a tarball of
     * random bytes, the sums file listing it and a sibling, and the sums file's bundle.
     */
    Release release(Path dir, String name, boolean rekorV2) throws Exception {
        Files.createDirectories(dir);
        Path artifact = dir.resolve(name + ".tar.gz");
        Files.write(artifact, randomBytes());
        Path sibling = Files.write(dir.resolve(name + "-py3-none-any.whl"), randomBytes());
        String sums = Sha256.hex(Files.readAllBytes(artifact)) + "  " + artifact.getFileName() + "\n"
                + Sha256.hex(Files.readAllBytes(sibling)) + "  " + sibling.getFileName() + "\n";
        Path sumsFile = Files.writeString(dir.resolve(name + ".SHA256SUMS"), sums, StandardCharsets.UTF_8);
        RemoteLog log = rekorV2 ? v2Log() : v1Log();
        String request = log.request(Sha256.hex(Files.readAllBytes(sumsFile)), null);
        RemoteLog.Accepted accepted = log.submit(request);
        Path bundle = Files.writeString(dir.resolve(sumsFile.getFileName() + BUNDLE_SUFFIX), accepted.receipt());
        return new Release(artifact, sumsFile, bundle);
    }

    private RekorV1Log v1Log() {
        return new RekorV1Log(URI.create(v1.url()), LogKeys.fromPem(v1.url(), v1.logKeyPem()), signer,
                new LogHttp(TIMEOUT), Timestamps.none(), BUNDLE_SUFFIX);
    }

    private RekorV2Log v2Log() {
        HttpClient http = HttpClient.newHttpClient();
        Timestamps timestamps = Timestamps.from(new TimestampClient(http, tsa.url(), TIMEOUT), List.of(tsa.trustedTsa()));
        return new RekorV2Log(URI.create(v2.url()), LogKeys.fromSpki(v2.url(), v2.logKey().getEncoded()), signer,
                new LogHttp(TIMEOUT), new HttpTileFetcher(URI.create(v2.url()), http, TIMEOUT), timestamps, BUNDLE_SUFFIX);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[4096 + random.nextInt(4096)];
        random.nextBytes(bytes);
        return bytes;
    }

    @Override
    public void close() {
        v1.close();
        v2.close();
        tsa.close();
    }

    /** A downloaded release: the file, its sums file, and the sums file's bundle. */
    record Release(Path artifact, Path sums, Path bundle) {
    }
}
