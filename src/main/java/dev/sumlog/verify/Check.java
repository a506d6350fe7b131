package dev.sumlog.verify;

/**
 * The checks of {@code sumlog verify}, in the order they run; {@link #label()} is what the output prints.
 * A receipt run uses file-in-sums, receipt-signature, entry, inclusion and consistency; a bundle run
 * ({@code --bundle}) uses file-in-sums, bundle, signed-time and consistency.
 */
public enum Check {

    /** The file's name and SHA-256, as a pair, are a line of the sums file. */
    FILE_IN_SUMS("file-in-sums"),
    /** The receipt's checkpoint is signed by the trusted key and names the key's log. */
    RECEIPT_SIGNATURE("receipt-signature"),
    /** The receipt's entry commits to the sums file's exact bytes. */
    ENTRY("entry"),
    /** The entry is at the receipt's index in the checkpointed tree. */
    INCLUSION("inclusion"),
    /** A Sigstore bundle: the signer's signature over the sums file, the log entry and its inclusion proof. */
    BUNDLE("bundle"),
    /** A Sigstore bundle's signed time: its RFC 3161 timestamps, or a Rekor v1 signed entry timestamp. */
    SIGNED_TIME("signed-time"),
    /** The log's current checkpoint extends the receipt's (or bundle's) and still holds the entry. */
    CONSISTENCY("consistency");

    private final String label;

    Check(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
