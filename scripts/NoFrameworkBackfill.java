import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.security.*;
import java.util.*;
import java.util.concurrent.*;

/**
 * The floor that scripts/bench holds sumlog against (issue 7): what the outputs of a flat backfill cost on this
 * disk with nothing but the JDK. No database, no framework, no restart, no log tiles, no fsync (sumlog does not
 * fsync its output files either). Usage: java NoFrameworkBackfill SOURCE OUT [THREADS]
 *
 * <p>It walks SOURCE (sorted, depth first, like sumlog's crawl), hashes files with MessageDigest on THREADS
 * (default 2) threads, groups files into releases, writes OUT/DIR/PROJECT-VERSION.SHA256SUMS in GNU format per
 * release, builds one RFC 6962 Merkle tree over the releases' log entries (the same entry text as sumlog's) and
 * writes a tlog-proof-like receipt beside each sums file: the entry, its index, its inclusion proof and a signed
 * checkpoint. Every output is written by temp file and rename.
 */
public final class NoFrameworkBackfill {

    static final String ORIGIN = "sumlog.invalid/log";

    record Hashed(Path file, String hex) {
    }

    record Release(String dir, String key, List<Hashed> members) {
    }

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]).toAbsolutePath().normalize();
        Path out = Path.of(args[1]).toAbsolutePath().normalize();
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        long start = System.nanoTime();
        List<Path> files = new ArrayList<>();
        walk(source, files);
        long walked = System.nanoTime();
        List<Hashed> hashed = hashAll(files, threads);
        long hashedAt = System.nanoTime();

        // Grouping by the <name>-<version> part of the file name within its directory is enough for the bench trees
        // (sdists, wheels and their .asc); sumlog's PEP 440/625 parsing and its naming traps are not reproduced.
        // Releases keep the order of their first member in the walk, which is the order sumlog logs them in.
        Map<String, Release> releases = new LinkedHashMap<>();
        for (Hashed h : hashed) {
            Path relative = source.relativize(h.file());
            String dir = relative.getParent() == null ? "" : relative.getParent().toString();
            String key = releaseKey(h.file().getFileName().toString());
            releases.computeIfAbsent(dir + "/" + key, k -> new Release(dir, key, new ArrayList<>())).members().add(h);
        }
        String sourceUrl = source.toUri().toString();
        List<byte[]> entries = new ArrayList<>(releases.size());
        Set<Path> made = new HashSet<>();
        for (Release release : releases.values()) {
            StringBuilder sums = new StringBuilder();
            release.members().stream().map(h -> h.file().getFileName() + "\0" + h.hex()).sorted() // ASCII names
                    .forEach(line -> sums.append(line, line.indexOf(0) + 1, line.length()).append("  ")
                            .append(line, 0, line.indexOf(0)).append('\n'));
            byte[] sumsBytes = sums.toString().getBytes(StandardCharsets.UTF_8);
            String name = prefix(release.dir()) + release.key();
            writeAtomically(out.resolve(name + ".SHA256SUMS"), sumsBytes, made);
            entries.add(("sumlog.dev/release/v1\nsource " + sourceUrl + "\nrelease " + name + "\nsums " + name
                    + ".SHA256SUMS\nsums-sha256 " + HexFormat.of().formatHex(sha256().digest(sumsBytes)) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        long sumsAt = System.nanoTime();

        List<byte[][]> levels = merkleLevels(entries);
        String note = signedCheckpoint(entries.size(), entries.isEmpty() ? sha256().digest() : levels.get(levels.size() - 1)[0]);
        int index = 0;
        for (Release release : releases.values()) {
            StringBuilder receipt = new StringBuilder("c2sp.org/tlog-proof@v1\nextra ")
                    .append(b64(entries.get(index))).append("\nindex ").append(index).append('\n');
            for (byte[] hash : inclusionProof(levels, index++)) {
                receipt.append(b64(hash)).append('\n');
            }
            receipt.append('\n').append(note);
            writeAtomically(out.resolve(prefix(release.dir()) + release.key() + ".SHA256SUMS.tlog-proof"),
                    receipt.toString().getBytes(StandardCharsets.UTF_8), made);
        }
        long end = System.nanoTime();
        System.out.printf("%d files, %d releases: walk %.2f s, hash %.2f s, sums %.2f s, tree+receipts %.2f s, total %.2f s%n",
                files.size(), releases.size(), sec(walked - start), sec(hashedAt - walked), sec(sumsAt - hashedAt),
                sec(end - sumsAt), sec(end - start));
    }

    /** Depth first with each directory's names sorted: the order of path components, as sumlog's crawl walks. */
    static void walk(Path dir, List<Path> files) throws IOException {
        List<Path> children;
        try (var list = Files.list(dir)) {
            children = list.sorted().toList();
        }
        for (Path child : children) {
            if (Files.isDirectory(child)) {
                walk(child, files);
            } else if (Files.isRegularFile(child)) {
                files.add(child);
            }
        }
    }

    static List<Hashed> hashAll(List<Path> files, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ThreadLocal<ByteBuffer> buffers = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(1 << 20));
        try {
            List<Future<Hashed>> pending = new ArrayList<>(files.size());
            for (Path file : files) {
                pending.add(pool.submit(() -> {
                    MessageDigest digest = sha256();
                    ByteBuffer buffer = buffers.get();
                    try (FileChannel channel = FileChannel.open(file)) {
                        while (channel.read(buffer.clear()) > 0) {
                            digest.update(buffer.flip());
                        }
                    }
                    return new Hashed(file, HexFormat.of().formatHex(digest.digest()));
                }));
            }
            List<Hashed> hashed = new ArrayList<>(files.size());
            for (Future<Hashed> future : pending) {
                hashed.add(future.get());
            }
            return hashed;
        } finally {
            pool.shutdownNow();
        }
    }

    /** "four-d00001-1.2.0.tar.gz(.asc)" and "four_d00001-1.2.0-py3-none-any.whl(.asc)" give "four-d00001-1.2.0". */
    static String releaseKey(String fileName) {
        String name = fileName.endsWith(".asc") ? fileName.substring(0, fileName.length() - 4) : fileName;
        if (name.endsWith(".whl")) {
            String[] parts = name.split("-");
            return parts[0].toLowerCase().replace('_', '-') + "-" + parts[1];
        }
        name = name.replaceFirst("\\.(tar\\.gz|tar\\.bz2|tar\\.xz|zip|tgz)$", "");
        int dash = name.lastIndexOf('-');
        return name.substring(0, dash).toLowerCase().replace('_', '-') + name.substring(dash);
    }

    /** Levels of the RFC 6962 tree, leaves first; a level's odd last node moves up unchanged, which gives RFC 6962's shape. */
    static List<byte[][]> merkleLevels(List<byte[]> entries) {
        MessageDigest digest = sha256();
        byte[][] level = new byte[entries.size()][];
        for (int i = 0; i < level.length; i++) {
            digest.update((byte) 0);
            level[i] = digest.digest(entries.get(i));
        }
        List<byte[][]> levels = new ArrayList<>(List.<byte[][]>of(level));
        while (level.length > 1) {
            byte[][] up = new byte[(level.length + 1) / 2][];
            for (int i = 0; i < up.length; i++) {
                if (2 * i + 1 < level.length) {
                    digest.update((byte) 1);
                    digest.update(level[2 * i]);
                    up[i] = digest.digest(level[2 * i + 1]);
                } else {
                    up[i] = level[2 * i];
                }
            }
            levels.add(level = up);
        }
        return levels;
    }

    /** The RFC 9162 inclusion proof of leaf {@code index}: each level's sibling, where the level has one. */
    static List<byte[]> inclusionProof(List<byte[][]> levels, int index) {
        List<byte[]> proof = new ArrayList<>();
        for (int l = 0; l < levels.size() - 1; l++, index >>= 1) {
            if ((index ^ 1) < levels.get(l).length) {
                proof.add(levels.get(l)[index ^ 1]);
            }
        }
        return proof;
    }

    /** A C2SP signed note of the checkpoint, with a throwaway Ed25519 key (one signature per run, as sumlog per batch). */
    static String signedCheckpoint(int size, byte[] root) throws Exception {
        String body = ORIGIN + "\n" + size + "\n" + b64(root) + "\n";
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] encoded = key.getPublic().getEncoded();
        MessageDigest digest = sha256();
        digest.update((ORIGIN + "\n").getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 1);
        byte[] keyId = Arrays.copyOf(digest.digest(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length)), 4);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key.getPrivate());
        signer.update(body.getBytes(StandardCharsets.UTF_8));
        byte[] signature = signer.sign();
        byte[] line = Arrays.copyOf(keyId, 4 + signature.length);
        System.arraycopy(signature, 0, line, 4, signature.length);
        return body + "\n\u2014 " + ORIGIN + " " + b64(line) + "\n";
    }

    static void writeAtomically(Path target, byte[] bytes, Set<Path> made) throws IOException {
        if (made.add(target.getParent())) {
            Files.createDirectories(target.getParent());
        }
        Path temp = target.resolveSibling(".nfb-" + Long.toHexString(System.nanoTime()) + ".tmp");
        Files.write(temp, bytes);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String prefix(String dir) {
        return dir.isEmpty() ? "" : dir + "/";
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static double sec(long nanos) {
        return nanos / 1e9;
    }
}
