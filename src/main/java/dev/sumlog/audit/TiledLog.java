package dev.sumlog.audit;

import dev.sumlog.tlog.note.NoteVerifier;
import dev.sumlog.tlog.note.NoteVerifiers;
import dev.sumlog.tlog.tiles.TileFetcher;
import dev.sumlog.tlog.tiles.TileReader;
import java.io.IOException;
import java.util.Optional;

/**
 * What the embedded log and Rekor v2 share: a C2SP tlog-tiles log read through a {@link TileFetcher}
 * (files or HTTP). A view opens a {@link TileReader} at the verified checkpoint, which checks that the
 * tiles reproduce its root; consistency and inclusion proofs are computed from the tiles and verified
 * against the signed roots, so nothing the server says is taken on trust.
 */
abstract class TiledLog implements AuditedLog {

    private final TileFetcher files;
    private final NoteVerifier key;
    private final String origin;

    TiledLog(TileFetcher files, NoteVerifier key, String origin) {
        this.files = files;
        this.key = key;
        this.origin = origin;
    }

    @Override
    public NoteVerifier key() {
        return key;
    }

    @Override
    public boolean ownsOrigin(String candidate) {
        return origin.equals(candidate);
    }

    @Override
    public Optional<byte[]> checkpoint(String trustedOrigin) throws IOException {
        return files.fetch("checkpoint");
    }

    @Override
    public LogView at(VerifiedHead head) throws IOException {
        TileReader reader = TileReader.open(new PinnedFetcher(files, head.note()), NoteVerifiers.of(key), origin);
        return new LogView() {
            @Override
            public void verifyExtends(dev.sumlog.tlog.note.Checkpoint older) throws IOException {
                reader.verifyExtends(older);
            }

            @Override
            public Optional<byte[]> entry(long index) throws IOException {
                return index < 0 || index >= reader.size() ? Optional.empty() : Optional.of(reader.entry(index));
            }
        };
    }
}
