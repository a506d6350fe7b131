package dev.sumlog.tlog.tiles;

import dev.sumlog.tlog.merkle.Rfc6962;
import dev.sumlog.tlog.note.Checkpoint;
import dev.sumlog.tlog.note.Note;
import dev.sumlog.tlog.note.NoteSigner;
import dev.sumlog.tlog.note.NoteVerifiers;
import dev.sumlog.tlog.receipt.TlogProof;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * An embedded transparency log stored as C2SP tlog-tiles static files under one directory:
 * {@code checkpoint}, {@code tile/<L>/<N>[.p/<W>]} and {@code tile/entries/<N>[.p/<W>]}.
 * The directory can be published as is by any static web server and read back with
 * {@link TileReader} and {@link HttpTileFetcher}.
 *
 * <h2>Crash safety</h2>
 * Every file is written to a temp file in its directory, fsynced and renamed atomically
 * ({@link DurableFiles}). {@link #append} writes hash tiles, then entry bundles, then the new
 * signed checkpoint <em>last</em>. Hence the invariant: <b>at any instant, including after a
 * SIGKILL or power loss, {@code checkpoint} is either the old or the new one, and every tile
 * and bundle it needs is on disk and matches it.</b> Files a published checkpoint needs are
 * never rewritten: full tiles are written once, when they fill, and partial tiles only at the
 * widths of the new size. Data beyond the checkpoint's size left by a crashed append is
 * ignored on {@link #open} and overwritten by the next append, which continues the same tree.
 *
 * <h2>Single writer</h2>
 * At most one {@code TileLog} may be open for writing on a directory, across all processes;
 * the caller must hold a lock (e.g. a database row lock or a lock file) for as long as it
 * appends. Within one instance, methods are synchronized.
 *
 * <h2>Exactly once</h2>
 * If the process dies between {@link #append} returning and the caller recording the index,
 * the caller can recover the index with {@link #find} instead of appending again.
 */
public final class TileLog {

    private final Path dir;
    private final NoteSigner signer;
    private final String origin;
    private final TileFetcher files;
    private final Runnable afterEachFile;
    private TreeEdge edge;
    private TileReader reader;

    private TileLog(Path dir, NoteSigner signer, String origin, TileReader reader, TreeEdge edge,
                    Runnable afterEachFile) {
        this.dir = dir;
        this.afterEachFile = afterEachFile;
        this.signer = signer;
        this.origin = origin;
        this.files = new FileTileFetcher(dir);
        this.reader = reader;
        this.edge = edge;
    }

    /**
     * Opens the log in {@code dir}, creating an empty one (size 0 checkpoint) if there is no
     * checkpoint yet. An existing checkpoint must verify with the signer's key, carry
     * {@code origin}, and be reproduced by the tiles on disk.
     *
     * @throws dev.sumlog.tlog.TlogException naming the failed check if the log is inconsistent
     */
    public static TileLog open(Path dir, NoteSigner signer, String origin) throws IOException {
        return open(dir, signer, origin, () -> { });
    }

    /**
     * Like {@link #open(Path, NoteSigner, String)}, with an observer called after each file an
     * append makes durable (tiles and bundles, then the checkpoint): crash tests park the process
     * there to kill it in the middle of an append.
     */
    public static TileLog open(Path dir, NoteSigner signer, String origin, Runnable afterEachFile) throws IOException {
        TileFetcher files = new FileTileFetcher(dir);
        if (files.fetch("checkpoint").isEmpty()) {
            DurableFiles.write(dir.resolve("checkpoint"), new Checkpoint(origin, 0, Rfc6962.emptyRoot()).sign(signer).bytes());
        }
        TileReader reader = TileReader.open(files, NoteVerifiers.of(signer.verifier()), origin);
        return new TileLog(dir, signer, origin, reader, TreeEdge.load(files, reader.size()), afterEachFile);
    }

    public synchronized long size() {
        return reader.size();
    }

    public synchronized Checkpoint checkpoint() {
        return reader.checkpoint();
    }

    /** The current signed checkpoint note, as stored in {@code checkpoint}. */
    public synchronized String checkpointNote() {
        return reader.checkpointNote();
    }

    /** A read-only snapshot at the current checkpoint. */
    public synchronized TileReader reader() {
        return reader;
    }

    /**
     * Appends a batch of entries (each at most {@value EntryBundle#MAX_ENTRY_SIZE} bytes) and
     * publishes one new checkpoint covering them.
     *
     * @return the index of the first appended entry
     * @throws IOException if writing fails; the log then still stands at the old checkpoint
     */
    public synchronized long append(List<byte[]> entries) throws IOException {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("append: empty batch");
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).length > EntryBundle.MAX_ENTRY_SIZE) {
                throw new IllegalArgumentException("append: entry " + i + " is " + entries.get(i).length
                        + " bytes, max " + EntryBundle.MAX_ENTRY_SIZE);
            }
        }
        long first = size();
        // Work on a copy so that a failed write leaves this instance at the old checkpoint.
        TreeEdge next = edge.copy();
        Map<Path, byte[]> written = new LinkedHashMap<>();
        next.append(entries).forEach((path, data) -> written.put(dir.resolve(path), data));
        DurableFiles.writeAll(written, afterEachFile);
        // The root is computed back from the files just written, so a bad write cannot be signed.
        byte[] root = new TileStore(files, next.size()).rootHash();
        Checkpoint checkpoint = new Checkpoint(origin, next.size(), root);
        Note note = checkpoint.sign(signer);
        DurableFiles.write(dir.resolve("checkpoint"), note.bytes());
        afterEachFile.run();
        reader = TileReader.atVerifiedCheckpoint(files, checkpoint, note.format());
        edge = next;
        return first;
    }

    /** Entry {@code index} (checked against the current checkpoint). */
    public synchronized byte[] entry(long index) throws IOException {
        return reader.entry(index);
    }

    /** First index at or after {@code fromIndex} whose entry equals {@code entry}. */
    public synchronized OptionalLong find(byte[] entry, long fromIndex) throws IOException {
        return reader.find(entry, fromIndex);
    }

    public synchronized List<byte[]> inclusionProof(long index, long treeSize) throws IOException {
        return reader.inclusionProof(index, treeSize);
    }

    public synchronized List<byte[]> consistencyProof(long oldSize, long newSize) throws IOException {
        return reader.consistencyProof(oldSize, newSize);
    }

    /** A tlog-proof receipt for entry {@code index} at the current checkpoint. */
    public synchronized TlogProof receipt(long index) throws IOException {
        return reader.receipt(index);
    }
}
