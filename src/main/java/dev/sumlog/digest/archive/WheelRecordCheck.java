package dev.sumlog.digest.archive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a wheel against its {@code *.dist-info/RECORD} as the entries stream by. RECORD usually
 * comes last, so each entry's SHA-256 and size are kept (32 bytes and a long per entry, at most
 * {@link #MAX_ENTRIES}) and compared when the walk ends.
 *
 * <p>Per the binary distribution format: every file but RECORD and its signatures
 * ({@code RECORD.jws}, {@code RECORD.p7s}) must be listed with a hash; only {@code sha256} is
 * checked (what bdist_wheel, flit, hatchling, poetry and maturin write), another algorithm is a
 * mismatch saying so. Directory entries are not listed in RECORD and are ignored.
 */
final class WheelRecordCheck {

    static final int MAX_ENTRIES = 200_000;
    static final int MAX_RECORD_BYTES = 32 << 20;
    private static final Pattern RECORD = Pattern.compile("[^/]+\\.dist-info/RECORD");

    private record Seen(byte[] sha256, long size) {
    }

    private final Map<String, Seen> seen = new HashMap<>();
    private final List<String> records = new ArrayList<>();
    private String recordText;
    private boolean tooMany;

    static boolean isRecord(String name) {
        return RECORD.matcher(name).matches();
    }

    /** Remembers one file entry, read whole; returns false once the cap on entries is reached. */
    boolean entry(String name, byte[] sha256, long size) {
        if (seen.size() >= MAX_ENTRIES) {
            tooMany = true;
            return false;
        }
        seen.put(name, new Seen(sha256, size));
        return true;
    }

    /** The content of a {@code *.dist-info/RECORD} entry. */
    void record(String name, byte[] content) {
        records.add(name);
        if (recordText == null) {
            recordText = new String(content, StandardCharsets.UTF_8);
        }
    }

    void finish(Findings findings) {
        if (tooMany) {
            findings.add(Finding.Kind.TOO_MANY_ENTRIES, "more than " + MAX_ENTRIES
                    + " wheel entries; RECORD checked for the first " + MAX_ENTRIES);
        }
        if (records.isEmpty()) {
            findings.add(Finding.Kind.WHEEL_RECORD_MISSING, "no *.dist-info/RECORD in the wheel");
            return;
        }
        if (records.size() > 1) {
            findings.add(Finding.Kind.WHEEL_RECORD_MISSING, records.get(1),
                    "a second RECORD; a wheel has one (checked against " + records.get(0) + ")");
        }
        String distInfo = records.get(0).substring(0, records.get(0).length() - "RECORD".length());
        Set<String> unhashed = Set.of(distInfo + "RECORD", distInfo + "RECORD.jws", distInfo + "RECORD.p7s");
        RecordFile.Parsed parsed = RecordFile.parse(recordText);
        parsed.malformed().forEach(m -> findings.add(Finding.Kind.WHEEL_RECORD_MISMATCH, records.get(0),
                "line " + m.lineNumber() + ": " + m.reason()));
        Set<String> listed = new HashSet<>();
        for (RecordFile.Line line : parsed.lines()) {
            listed.add(line.path());
            if (unhashed.contains(line.path())) {
                continue;
            }
            Seen entry = seen.get(line.path());
            if (entry == null) {
                if (!tooMany) {
                    findings.add(Finding.Kind.WHEEL_RECORD_MISMATCH, line.path(), "listed in RECORD but not in the wheel");
                }
                continue;
            }
            String problem = compare(line, entry);
            if (problem != null) {
                findings.add(Finding.Kind.WHEEL_RECORD_MISMATCH, line.path(), problem);
            }
        }
        seen.keySet().stream().filter(name -> !listed.contains(name) && !unhashed.contains(name)).sorted()
                .forEach(name -> findings.add(Finding.Kind.WHEEL_RECORD_MISMATCH, name, "in the wheel but not in RECORD"));
    }

    /** What differs between a RECORD line and the entry as read, or null. */
    private static String compare(RecordFile.Line line, Seen entry) {
        String hash = line.hash();
        int eq = hash.indexOf('=');
        if (eq < 0) {
            return hash.isEmpty() ? "RECORD gives no hash" : "RECORD hash has no algorithm: '" + hash + "'";
        }
        String algorithm = hash.substring(0, eq);
        if (!algorithm.equals("sha256")) {
            return "RECORD hash algorithm '" + algorithm + "' is not checked (sha256 only)";
        }
        byte[] expected;
        try {
            expected = Base64.getUrlDecoder().decode(hash.substring(eq + 1));
        } catch (IllegalArgumentException e) {
            return "RECORD hash is not urlsafe base64";
        }
        if (!MessageDigest.isEqual(expected, entry.sha256())) {
            return "sha256 differs: RECORD " + hash.substring(eq + 1) + ", entry "
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(entry.sha256());
        }
        if (!line.size().isEmpty() && !line.size().equals(Long.toString(entry.size()))) {
            return "size differs: RECORD " + line.size() + ", entry " + entry.size();
        }
        return null;
    }
}
