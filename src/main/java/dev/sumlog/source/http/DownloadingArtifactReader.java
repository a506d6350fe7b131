package dev.sumlog.source.http;

import dev.sumlog.catalog.HashOutcome;
import dev.sumlog.catalog.PendingArtifact;
import dev.sumlog.digest.ArtifactReader;
import dev.sumlog.digest.ReadPass;
import dev.sumlog.digest.ReadResult;
import dev.sumlog.digest.SignatureInput;
import dev.sumlog.signature.DetachedSignatures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Reads artifacts by downloading them from the HTTP source: the body streams through the job's
 * {@link ReadPass} (digest, archive inspection, signature) and is never kept, in memory or on disk.
 *
 * <p>What is stored is the listing's stamp (the next crawl compares listings, not downloads), so when
 * the listing gave an exact size, a body of another size is a failure: the file changed between the
 * crawl and the download, and the next run reads it again. A subject's signature file is downloaded
 * first (it is small), so the artifact itself is downloaded once.
 */
public final class DownloadingArtifactReader implements ArtifactReader {

    private final RootScope scope;
    private final HttpDownloader downloader;
    private final ReadPass pass;

    public DownloadingArtifactReader(RootScope scope, HttpDownloader downloader, ReadPass pass) {
        this.scope = scope;
        this.downloader = downloader;
        this.pass = pass;
    }

    @Override
    public Read read(PendingArtifact artifact) throws IOException {
        SignatureInput signature = signature(artifact);
        URI url = scope.fileUrl(artifact.path());
        Downloaded<ReadResult> got = downloader.download(url, artifact.fileName(),
                body -> pass.read(body, artifact.fileName(), signature));
        long listed = artifact.stamp().size();
        if (listed >= 0 && got.bytes() != listed) {
            throw new IOException("GET " + url + ": " + got.bytes() + " bytes, but the listing said " + listed
                    + " (changed since the crawl; the next run reads it again)");
        }
        return new Read(got.result(), artifact.stamp(), new HashOutcome.Served(got.etag().orElse(null),
                got.lastModified().orElse(null), got.contentLength().orElse(-1)));
    }

    @Override
    public void close() {
        downloader.close();
    }

    private SignatureInput signature(PendingArtifact artifact) throws IOException {
        if (!pass.checksSignatures() || !artifact.subject()) {
            return SignatureInput.notChecked();
        }
        if (artifact.signatures().isEmpty()) {
            return SignatureInput.missing();
        }
        String path = artifact.signatures().get(0);
        String name = path.substring(path.lastIndexOf('/') + 1);
        Downloaded<byte[]> got = downloader.download(scope.fileUrl(path), name, body -> small(body, path));
        return SignatureInput.of(name, got.result());
    }

    /** A signature file, whole: refused past {@link DetachedSignatures#MAX_SIGNATURE_BYTES}. */
    private static byte[] small(ReadableByteChannel body, String path) throws IOException {
        int max = (int) DetachedSignatures.MAX_SIGNATURE_BYTES;
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (body.read(buffer.clear()) >= 0) {
            bytes.write(buffer.array(), 0, buffer.position());
            if (bytes.size() > max) {
                throw new IOException("signature file " + path + " is larger than " + max / 1024 + " KiB");
            }
        }
        return bytes.toByteArray();
    }
}
