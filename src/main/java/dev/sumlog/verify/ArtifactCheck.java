package dev.sumlog.verify;

import dev.sumlog.support.OneLine;
import dev.sumlog.sums.SumsFormat;
import dev.sumlog.sums.SumsFormatException;
import dev.sumlog.sums.SumsLine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Check {@link Check#FILE_IN_SUMS}: the file's name and its SHA-256 must be one line of the sums
 * file. Matching the digest alone is not enough: a sums file commits to which bytes carry which
 * name, so {@code foo-1.0.tar.gz} served under the name {@code foo-1.1.tar.gz} must fail.
 */
final class ArtifactCheck {

    private ArtifactCheck() {
    }

    static CheckResult run(Path file, Path sumsFile, byte[] sumsBytes) throws IOException {
        String name = file.getFileName().toString();
        String sumsName = OneLine.quote(sumsFile.getFileName().toString());
        String digest = InputFiles.sha256Hex(file);
        List<SumsLine> lines;
        try {
            lines = SumsFormat.parse(sumsBytes);
        } catch (SumsFormatException e) {
            return CheckResult.fail(Check.FILE_IN_SUMS, sumsName + " is not a GNU SHA256SUMS file: " + e.getMessage());
        }
        Optional<SumsLine> byName = lines.stream().filter(line -> line.name().equals(name)).findFirst();
        if (byName.isPresent()) {
            String listed = byName.get().sha256Hex();
            return listed.equals(digest)
                    ? CheckResult.ok(Check.FILE_IN_SUMS, OneLine.quote(name) + " sha256 " + digest + " is listed in "
                            + sumsName)
                    : CheckResult.fail(Check.FILE_IN_SUMS, OneLine.quote(name) + " has sha256 " + digest + ", but "
                            + sumsName + " lists " + listed + " for it (file changed or corrupted)");
        }
        Optional<SumsLine> byDigest = lines.stream().filter(line -> line.sha256Hex().equals(digest)).findFirst();
        if (byDigest.isPresent()) {
            return CheckResult.fail(Check.FILE_IN_SUMS, OneLine.quote(name) + " is not listed in " + sumsName
                    + "; its bytes are listed as " + OneLine.quote(byDigest.get().name()) + " (renamed?)");
        }
        return CheckResult.fail(Check.FILE_IN_SUMS, OneLine.quote(name) + " (sha256 " + digest + ") is not listed in "
                + sumsName);
    }
}
