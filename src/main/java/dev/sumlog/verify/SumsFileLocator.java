package dev.sumlog.verify;

import dev.sumlog.support.OneLine;
import dev.sumlog.sums.SumsFormat;
import dev.sumlog.sums.SumsFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the sums file for a downloaded file when {@code --sums} is not given: the one sums file
 * ({@code *.SHA256SUMS} or {@code SHA256SUMS}) in the file's directory that lists the file's name.
 * Guessing is refused: with none or several candidates the user must say which one.
 */
final class SumsFileLocator {

    static final String SUFFIX = ".SHA256SUMS";
    static final String PLAIN_NAME = "SHA256SUMS";

    private SumsFileLocator() {
    }

    /** @throws VerifyInputException naming the directory and {@code --sums} when there is no single match */
    static Path locate(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        List<Path> listing = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path candidate : candidates(dir)) {
            try {
                byte[] bytes = InputFiles.readSmall(candidate, InputFiles.MAX_SUMS_BYTES, "sums file");
                if (SumsFormat.parse(bytes).stream().anyMatch(line -> line.name().equals(name))) {
                    listing.add(candidate);
                }
            } catch (SumsFormatException | VerifyInputException | IOException e) {
                // A broken candidate is not a match; it is named below in case it was the one meant.
                unreadable.add(candidate.getFileName().toString());
            }
        }
        if (listing.size() == 1) {
            return listing.get(0);
        }
        String hint = unreadable.isEmpty() ? ""
                : " (not readable as sums files: " + String.join(", ", unreadable) + ")";
        if (listing.isEmpty()) {
            throw new VerifyInputException("no *" + SUFFIX + " or " + PLAIN_NAME + " file in " + dir + " lists "
                    + OneLine.quote(name) + hint + "; pass --sums FILE");
        }
        throw new VerifyInputException(OneLine.quote(name) + " is listed in " + listing.size() + " sums files in " + dir
                + " (" + String.join(", ", listing.stream().map(p -> p.getFileName().toString()).toList())
                + "); pass --sums FILE");
    }

    private static List<Path> candidates(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> isSumsName(p.getFileName().toString()))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    static boolean isSumsName(String fileName) {
        return fileName.equals(PLAIN_NAME) || (fileName.endsWith(SUFFIX) && fileName.length() > SUFFIX.length());
    }
}
