package dev.sumlog.sums;

import dev.sumlog.catalog.ReleaseRepository.Member;
import dev.sumlog.catalog.ReleaseRepository.ReleaseRow;
import dev.sumlog.catalog.ReleaseRepository.WriteOutcome;
import dev.sumlog.release.ReleaseKey;
import dev.sumlog.tlog.merkle.RgetName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Writes one release's sums file into the output tree (temp file + atomic rename) and says what it
 * wrote. Idempotent: the bytes depend only on the catalog, so a chunk replayed after a crash
 * rewrites identical files. A release with a member that could not be read is BLOCKED rather than
 * written with a partial list, because a sums file is a claim about the whole release.
 */
public class ReleaseSumsProcessor implements ItemProcessor<ReleaseRow, WriteOutcome> {

    /** A logged release whose members no longer hash to the logged sums. */
    public static final String CHANGED = "CHANGED";

    private final Path outRoot;

    public ReleaseSumsProcessor(Path outRoot) {
        this.outRoot = outRoot.toAbsolutePath().normalize();
    }

    @Override
    public WriteOutcome process(ReleaseRow row) throws IOException {
        List<Member> members = row.members();
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
        String sha256 = sha256Hex(content);
        String logged = row.loggedSha256();
        if (logged != null && !logged.equals(sha256)) {
            // The published sums are a logged claim: keep them, and let the alert say what changed.
            return new WriteOutcome(row.id(), CHANGED, sumsPath, logged,
                    "logged sums sha256 " + logged + ", the release now hashes to " + sha256
                            + " (" + difference(target(sumsPath), lines) + "); published sums kept, not logged again",
                    null, members.size());
        }
        AtomicFiles.write(target(sumsPath), content);
        // The rget name runs over the digests in file order, which is the sums file's bytewise name order.
        String rgetName = RgetName.of(lines.stream().sorted(SumsFormat.BYTEWISE_NAME_ORDER).map(SumsLine::sha256).toList());
        return new WriteOutcome(row.id(), "WRITTEN", sumsPath, sha256, null, rgetName, members.size());
    }

    /** Which files differ from the published (logged) sums, for the alert's evidence. */
    private static String difference(Path published, List<SumsLine> now) {
        Map<String, String> logged = new TreeMap<>();
        try {
            SumsFormat.parse(Files.readAllBytes(published)).forEach(l -> logged.put(l.name(), l.sha256Hex()));
        } catch (IOException | RuntimeException e) {
            return "published sums unreadable: " + e.getMessage();
        }
        List<String> changes = new ArrayList<>();
        for (SumsLine line : now) {
            String before = logged.remove(line.name());
            if (before == null) {
                changes.add("added " + line.name());
            } else if (!before.equals(line.sha256Hex())) {
                changes.add("changed " + line.name());
            }
        }
        logged.keySet().forEach(name -> changes.add("removed " + name));
        return String.join(", ", changes);
    }

    private Path target(String sumsPath) throws IOException {
        Path target = outRoot.resolve(sumsPath).normalize();
        if (!target.startsWith(outRoot)) {
            throw new IOException("sums path escapes the output root: " + sumsPath);
        }
        return target;
    }

    static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
