package dev.sumlog.cli;

import dev.sumlog.submit.LogKeyStore;
import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.note.Ed25519NoteSigner;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sumlog log-key}: publishes what downstream users need for {@code sumlog verify --vkey}.
 * Only the public half of the key is ever printed; no Spring context and no state lock (the key
 * file is written once, atomically, so reading it beside a running backfill is safe).
 */
@Command(name = "log-key", mixinStandardHelpOptions = true,
        description = {"Print the embedded log's origin and its verifier key (for `sumlog verify --vkey`).",
                "The private key is never printed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "2:no state directory or no log key yet (or the key file is unreadable)"})
class LogKeyCommand implements Callable<Integer> {

    @Option(names = "--state", paramLabel = "DIR", description = "Catalog and run state (default: ./state).")
    Path state = Path.of("state");

    @Override
    public Integer call() {
        if (!Files.isDirectory(state)) {
            throw new UsageException("--state: no state directory at " + state.toAbsolutePath() + " (no run yet?)");
        }
        Ed25519NoteSigner signer = load();
        System.out.println("origin " + signer.name());
        System.out.println("vkey " + signer.verifier().verifierKey());
        return ExitCodes.OK;
    }

    private Ed25519NoteSigner load() {
        try {
            return LogKeyStore.load(state);
        } catch (FileSystemException e) {
            throw new UsageException("cannot read the log key in " + state + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        } catch (TlogException e) {
            // Parse errors name the part at fault, never the key material.
            throw new UsageException("the log key in " + state + " is damaged: " + e.getMessage());
        }
    }
}
