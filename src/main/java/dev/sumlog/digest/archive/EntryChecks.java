package dev.sumlog.digest.archive;

/**
 * The checks every entry gets, tar or zip: the entry count cap, names an extractor would write
 * outside its directory, links that lead out of the archive, and the sdist layout.
 */
final class EntryChecks {

    private final Limits limits;
    private final Findings findings;
    private final SdistLayout sdist;
    private long entries;

    /** @param sdist the layout check, or null when the archive is not a candidate sdist */
    EntryChecks(Limits limits, Findings findings, SdistLayout sdist) {
        this.limits = limits;
        this.findings = findings;
        this.sdist = sdist;
    }

    /** Checks one entry's name; stops the walk when there are too many entries. */
    void entry(String name, boolean directory) throws InspectionStopped {
        entries++;
        if (entries > limits.maxEntries()) {
            String detail = "more than " + limits.maxEntries() + " entries; stopped there";
            findings.add(Finding.Kind.TOO_MANY_ENTRIES, detail);
            throw new InspectionStopped(detail);
        }
        if (EntryPaths.isAbsolute(name)) {
            findings.add(Finding.Kind.ABSOLUTE_PATH, name, "entry name is an absolute path");
        }
        if (EntryPaths.hasParentSegment(name)) {
            findings.add(Finding.Kind.PARENT_PATH, name, "entry name has a '..' segment");
        }
        if (sdist != null) {
            sdist.entry(name, directory);
        }
    }

    void symlink(String name, String target) {
        if (EntryPaths.symlinkEscapes(name, target)) {
            findings.add(Finding.Kind.LINK_ESCAPES, name, "symbolic link to '" + target + "' leads outside the archive");
        }
    }

    void hardlink(String name, String target) {
        if (EntryPaths.hardlinkEscapes(target)) {
            findings.add(Finding.Kind.LINK_ESCAPES, name, "hard link to '" + target + "' leads outside the archive");
        }
    }

    /** Checks that need the whole archive; call only after a complete walk. */
    void finish() {
        if (sdist != null) {
            sdist.finish(findings);
        }
    }

    long entries() {
        return entries;
    }
}
