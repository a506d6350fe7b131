package dev.sumlog.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The state directory a command that changes a catalog acts on, which must already hold one: such a
 * command never creates a state directory, a lock file or an empty catalog where an operator mistyped
 * a path (a new catalog there would look like a state with nothing to do).
 */
final class ExistingState {

    private ExistingState() {
    }

    /** The absolute directory, or a usage error naming it when it holds no catalog. */
    static Path require(Path state, String option) {
        Path dir = state.toAbsolutePath().normalize();
        if (!CatalogDatabase.isExternal() && !Files.isRegularFile(dir.resolve(StatusCommand.CATALOG))) {
            throw new UsageException(option + ": no sumlog state in " + dir + " (no " + StatusCommand.CATALOG
                    + "; run a backfill first)");
        }
        return dir;
    }
}
