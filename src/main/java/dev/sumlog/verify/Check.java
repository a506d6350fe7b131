package dev.sumlog.verify;

/** The checks of {@code sumlog verify}, in the order they run; {@link #label()} is what the output prints. */
public enum Check {

    /** The file's name and SHA-256, as a pair, are a line of the sums file. */
    FILE_IN_SUMS("file-in-sums"),
    /** The receipt's checkpoint is signed by the trusted key and names the key's log. */
    RECEIPT_SIGNATURE("receipt-signature"),
    /** The receipt's entry commits to the sums file's exact bytes. */
    ENTRY("entry"),
    /** The entry is at the receipt's index in the checkpointed tree. */
    INCLUSION("inclusion"),
    /** The log's current checkpoint extends the receipt's and still holds the entry. */
    CONSISTENCY("consistency");

    private final String label;

    Check(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
