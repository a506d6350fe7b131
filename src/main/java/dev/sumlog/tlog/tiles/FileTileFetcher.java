package dev.sumlog.tlog.tiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a log laid out as files under a directory, as {@link TileLog} writes it. */
public final class FileTileFetcher implements TileFetcher {

    private final Path root;

    public FileTileFetcher(Path root) {
        this.root = root;
    }

    @Override
    public Optional<byte[]> fetch(String path) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(root.resolve(path)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
