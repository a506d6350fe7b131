package dev.sumlog.sums;

import dev.sumlog.catalog.ReleaseRepository;
import dev.sumlog.catalog.ReleaseRepository.Member;
import dev.sumlog.catalog.ReleaseRepository.ReleaseRow;
import dev.sumlog.catalog.ReleaseRepository.WriteOutcome;
import dev.sumlog.release.ReleaseKey;
import dev.sumlog.tlog.merkle.RgetName;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Writes one release's sums file into the output tree (temp file + atomic rename) and says what it
 * wrote. Idempotent: the bytes depend only on the catalog, so a chunk replayed after a crash
 * rewrites identical files. A release with a member that could not be read is BLOCKED rather than
 * written with a partial list, because a sums file is a claim about the whole release.
 */
public class ReleaseSumsProcessor implements ItemProcessor<ReleaseRow, WriteOutcome> {

    private final ReleaseRepository releases;
    private final Path outRoot;

    public ReleaseSumsProcessor(ReleaseRepository releases, Path outRoot) {
        this.releases = releases;
        this.outRoot = outRoot.toAbsolutePath().normalize();
    }

    @Override
    public WriteOutcome process(ReleaseRow row) throws IOException {
        List<Member> members = releases.members(row.id());
        if (members.isEmpty()) {
            return new WriteOutcome(row.id(), "EMPTY", null, null, null, null, 0);
        }
        List<SumsLine> lines = new ArrayList<>(members.size());
        List<String> unreadable = new ArrayList<>();
        for (Member m : members) {
            if ("HASHED".equals(m.state())) {
                lines.add(SumsLine.ofHex(m.fileName(), m.sha256()));
            } else {
                unreadable.add(m.fileName() + " (" + (m.failure() == null ? m.state() : m.failure()) + ")");
            }
        }
        if (!unreadable.isEmpty()) {
            return new WriteOutcome(row.id(), "BLOCKED", null, null,
                    "sums not written, unreadable member: " + String.join(", ", unreadable), null, members.size());
        }
        byte[] content = SumsFormat.format(lines);
        String sumsPath = new ReleaseKey(row.directory(), row.project(), row.version()).sumsPath();
        Path target = outRoot.resolve(sumsPath).normalize();
        if (!target.startsWith(outRoot)) {
            throw new IOException("sums path escapes the output root: " + sumsPath);
        }
        AtomicFiles.write(target, content);
        String rgetName = RgetName.of(SumsFormat.parse(content).stream().map(SumsLine::sha256).toList());
        return new WriteOutcome(row.id(), "WRITTEN", sumsPath, sha256Hex(content), null, rgetName, members.size());
    }

    static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
