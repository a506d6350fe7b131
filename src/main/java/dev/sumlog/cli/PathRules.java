package dev.sumlog.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where source, out and state may lie relative to each other. The state directory holds the catalog,
 * the lock and the log's private key: inside the archive or the output tree it would be published
 * with them. Compared as real paths (links resolved), without creating anything.
 */
final class PathRules {

    private static final String PRIVATE = "; the catalog, the lock and the log's private key must not be published";

    private PathRules() {
    }

    /** The three directories as real paths (as far as they exist yet). */
    record Placement(Path source, Path out, Path state) {
    }

    static Placement place(Path source, Path out, Path state, boolean writeIntoSource, String origin) {
        Path realSource;
        try {
            realSource = source.toRealPath();
        } catch (IOException e) {
            throw new UsageException(origin + ": field 'source': cannot resolve " + source + ": " + Preflight.reason(e));
        }
        Path realOut = real(out, origin, "out");
        Path realState = real(state, origin, "state");
        if (realOut.startsWith(realSource) && !writeIntoSource) {
            throw new UsageException(origin + ": field 'out': " + out + (realOut.equals(realSource)
                    ? " is the source archive" : " is inside the source archive")
                    + "; set 'write-into-source: true' in the job file to allow writing there");
        }
        if (realState.startsWith(realSource)) {
            throw new UsageException(origin + ": field 'state': " + state + (realState.equals(realSource)
                    ? " is the source archive" : " is inside the source archive") + PRIVATE);
        }
        if (realState.startsWith(realOut)) {
            throw new UsageException(origin + ": field 'state': " + state + (realState.equals(realOut)
                    ? " is the output directory" : " is inside the output directory") + PRIVATE);
        }
        if (realSource.startsWith(realState)) {
            throw new UsageException(origin + ": field 'source': " + source + " is inside the state directory "
                    + state + PRIVATE);
        }
        return new Placement(realSource, realOut, realState);
    }

    /** Out and state for an archive read over HTTP: only the state may not lie in the output tree. */
    static Placement placeWithoutSource(Path out, Path state, String origin) {
        Path realOut = real(out, origin, "out");
        Path realState = real(state, origin, "state");
        if (realState.startsWith(realOut)) {
            throw new UsageException(origin + ": field 'state': " + state + (realState.equals(realOut)
                    ? " is the output directory" : " is inside the output directory") + PRIVATE);
        }
        return new Placement(null, realOut, realState);
    }

    /**
     * The real path of a directory that may not exist yet: its nearest existing ancestor's real path
     * plus the rest, so a link anywhere above it is seen through before it is created.
     */
    static Path real(Path path, String origin, String field) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            throw new UsageException(origin + ": field '" + field + "': cannot resolve " + existing + ": "
                    + Preflight.reason(e));
        }
    }
}
