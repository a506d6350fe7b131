package dev.sumlog.release;

/**
 * Names of the files sumlog writes beside (a mirror of) a release directory.
 *
 * <ul>
 *   <li>Flat release: {@code <project>-<version>.SHA256SUMS}, e.g. {@code nova-27.0.0.SHA256SUMS}.</li>
 *   <li>Per-directory release: {@value #PER_DIRECTORY_SUMS}, the name every other archive uses.</li>
 *   <li>Mutable files of a directory: {@value #MUTABLE_SNAPSHOT}.</li>
 *   <li>A release's receipt: its sums file name plus {@value #RECEIPT_SUFFIX}; and, while a write is
 *       under way, hidden {@code .sumlog-*.tmp} files.</li>
 * </ul>
 * The snapshot name can never be taken for a release's sums file: it does not end in
 * {@value #SUMS_SUFFIX} and is not {@value #PER_DIRECTORY_SUMS}, and it starts with {@code _}, which no
 * release name contains (PEP 503 normalization turns every {@code _} of a project into {@code -}, and a
 * normalized version has no {@code _}). Two releases of one directory never share a sums file name,
 * because {@link ReleaseKey#name()} is unique within a directory.
 */
public final class SumsFileNames {

    /** Suffix of a flat release's sums file. */
    public static final String SUMS_SUFFIX = ".SHA256SUMS";

    /** Sums file name of a per-directory release. */
    public static final String PER_DIRECTORY_SUMS = "SHA256SUMS";

    /** Suffix of a release's receipt, written beside its sums file. */
    public static final String RECEIPT_SUFFIX = ".tlog-proof";

    /** Name of the per-directory snapshot of mutable files' hashes. */
    public static final String MUTABLE_SNAPSHOT = "_mutable.SHA256SUMS.snapshot";

    private SumsFileNames() {
    }

    /** The sums file name of {@code release}. */
    public static String forRelease(ReleaseKey release) {
        return release.isWholeDirectory() ? PER_DIRECTORY_SUMS : release.name() + SUMS_SUFFIX;
    }

    /**
     * True for names sumlog itself may write, so a crawl of a tree that holds them (sums written in
     * place) can leave them out of the sums they would otherwise list.
     */
    public static boolean isSumlogOutput(String fileName) {
        return fileName.equals(PER_DIRECTORY_SUMS)
                || fileName.equals(MUTABLE_SNAPSHOT)
                || fileName.endsWith(SUMS_SUFFIX)
                || fileName.endsWith(RECEIPT_SUFFIX)
                || fileName.startsWith(".sumlog-") && fileName.endsWith(".tmp");
    }
}
