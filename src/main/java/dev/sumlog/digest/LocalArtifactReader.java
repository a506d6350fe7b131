package dev.sumlog.digest;

import dev.sumlog.catalog.PendingArtifact;
import java.io.IOException;
import java.nio.file.NoSuchFileException;

/**
 * Reads artifacts from the local archive tree ({@link FileDigester}: stable reads inside the root).
 * A subject's signature file is read first, whole (it is small), so the artifact itself is read once.
 */
public final class LocalArtifactReader implements ArtifactReader {

    private final FileDigester digester;
    private final boolean checkSignatures;

    public LocalArtifactReader(FileDigester digester, boolean checkSignatures) {
        this.digester = digester;
        this.checkSignatures = checkSignatures;
    }

    @Override
    public Read read(PendingArtifact artifact) throws IOException {
        FileDigester.Digest digest = digester.digest(artifact.path(), signature(artifact));
        return new Read(digest.read(), digest.stamp(), null);
    }

    private SignatureInput signature(PendingArtifact artifact) throws IOException {
        if (!checkSignatures || !artifact.subject()) {
            return SignatureInput.notChecked();
        }
        for (String path : artifact.signatures()) {
            try {
                return SignatureInput.of(path, digester.readSignatureFile(path));
            } catch (NoSuchFileException vanished) {
                // removed since the crawl: try the next one, else the artifact has none now
            }
        }
        return SignatureInput.missing();
    }
}
