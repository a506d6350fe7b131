package dev.sumlog.verify;

import dev.sumlog.release.SumsFileNames;
import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.note.NoteKeys;
import dev.sumlog.tlog.note.NoteVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything one verification needs, checked to be usable: the files exist and are readable, the
 * sums file and receipt are resolved from their defaults, the key text parses.
 *
 * @param file the downloaded release file
 * @param sums the sums file that should list it
 * @param receipt the sums file's tlog-proof receipt
 * @param log where the log's tiles can be read
 * @param key the log's verifier key, the only thing trusted
 */
public record VerifyInputs(Path file, Path sums, Path receipt, LogLocation log, NoteVerifier key) {

    /**
     * Applies the defaults: {@code sums} is the one sums file beside {@code file} that lists it,
     * {@code receipt} is {@code <sums>.tlog-proof}.
     *
     * @throws VerifyInputException naming the file, URL or option at fault
     */
    public static VerifyInputs resolve(Path file, Optional<Path> sums, Optional<Path> receipt, String log,
                                       String vkey) throws IOException {
        requireReadableFile(file, "FILE");
        NoteVerifier key = parseKey(vkey);
        Path sumsFile = sums.isPresent() ? sums.get() : SumsFileLocator.locate(file);
        requireReadableFile(sumsFile, "--sums");
        Path receiptFile = receipt.orElseGet(() -> sumsFile.resolveSibling(sumsFile.getFileName() + SumsFileNames.RECEIPT_SUFFIX));
        if (receipt.isEmpty() && !Files.exists(receiptFile)) {
            throw new VerifyInputException("no receipt " + receiptFile + " beside the sums file; pass --receipt FILE");
        }
        requireReadableFile(receiptFile, "--receipt");
        return new VerifyInputs(file, sumsFile, receiptFile, LogLocation.parse(log), key);
    }

    private static NoteVerifier parseKey(String vkey) {
        try {
            return NoteKeys.parseVerifierKey(vkey.trim());
        } catch (TlogException e) {
            throw new VerifyInputException("--vkey: " + e.getMessage()
                    + " (expected the text after 'vkey ' in `sumlog log-key` output)");
        }
    }

    static void requireReadableFile(Path path, String what) {
        if (!Files.exists(path)) {
            throw new VerifyInputException(what + ": no such file: " + path);
        }
        if (!Files.isRegularFile(path)) {
            throw new VerifyInputException(what + ": not a regular file: " + path);
        }
        if (!Files.isReadable(path)) {
            throw new VerifyInputException(what + ": cannot read " + path + " (permission denied)");
        }
    }
}
