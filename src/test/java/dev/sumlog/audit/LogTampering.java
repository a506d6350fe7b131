package dev.sumlog.audit;

import dev.sumlog.submit.LogKeyStore;
import dev.sumlog.tlog.note.Ed25519NoteSigner;
import dev.sumlog.tlog.note.NoteVerifiers;
import dev.sumlog.tlog.tiles.FileTileFetcher;
import dev.sumlog.tlog.tiles.TileLog;
import dev.sumlog.tlog.tiles.TileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * What an attacker holding the embedded log's key can do: write another history into the log's
 * directory, signed by the same key, as a consistent tile log (checkpoint, tiles and bundles agree).
 */
final class LogTampering {

    private LogTampering() {
    }

    /** Replaces the log in {@code logDir} with {@code change} applied to its entries, signed by the state's key. */
    static void rewrite(Path stateDir, Path logDir, UnaryOperator<List<byte[]>> change) throws IOException {
        Ed25519NoteSigner signer = LogKeyStore.load(stateDir);
        TileReader reader = TileReader.open(new FileTileFetcher(logDir), NoteVerifiers.of(signer.verifier()), signer.name());
        List<byte[]> entries = new ArrayList<>();
        for (long i = 0; i < reader.size(); i++) {
            entries.add(reader.entry(i));
        }
        Path fresh = logDir.resolveSibling(logDir.getFileName() + "-rewritten");
        TileLog log = TileLog.open(fresh, signer, signer.name());
        List<byte[]> rewritten = change.apply(entries);
        if (!rewritten.isEmpty()) {
            log.append(rewritten);
        }
        try (Stream<Path> old = Files.walk(logDir)) {
            old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.move(fresh, logDir);
    }

    /** The same history with entry {@code index} replaced. */
    static UnaryOperator<List<byte[]>> replacing(int index, byte[] entry) {
        return entries -> {
            List<byte[]> changed = new ArrayList<>(entries);
            changed.set(index, entry);
            return changed;
        };
    }

    /** The first {@code size} entries only. */
    static UnaryOperator<List<byte[]>> keepingFirst(int size) {
        return entries -> new ArrayList<>(entries.subList(0, size));
    }
}
