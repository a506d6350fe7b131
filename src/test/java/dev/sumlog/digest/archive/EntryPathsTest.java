package dev.sumlog.digest.archive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntryPathsTest {

    @Test
    void absoluteNames() {
        assertThat(EntryPaths.isAbsolute("/etc/passwd")).isTrue();
        assertThat(EntryPaths.isAbsolute("\\windows")).isTrue();
        assertThat(EntryPaths.isAbsolute("C:\\x")).isTrue();
        assertThat(EntryPaths.isAbsolute("nova-1.0/etc")).isFalse();
    }

    @Test
    void parentSegmentsButNotDotsInNames() {
        assertThat(EntryPaths.hasParentSegment("a/../b")).isTrue();
        assertThat(EntryPaths.hasParentSegment("..\\b")).isTrue();
        assertThat(EntryPaths.hasParentSegment("a/..b/c..")).isFalse();
    }

    @Test
    void symlinksResolveFromTheirOwnDirectory() {
        assertThat(EntryPaths.symlinkEscapes("a/b/link", "../c")).isFalse();
        assertThat(EntryPaths.symlinkEscapes("a/b/link", "../../c")).isFalse();
        assertThat(EntryPaths.symlinkEscapes("a/b/link", "../../../c")).isTrue();
        assertThat(EntryPaths.symlinkEscapes("link", "x/../../y")).isTrue();
        assertThat(EntryPaths.symlinkEscapes("a/link", "/etc/passwd")).isTrue();
        assertThat(EntryPaths.symlinkEscapes("a/link", "./b/./c")).isFalse();
    }

    @Test
    void hardlinksResolveFromTheRoot() {
        assertThat(EntryPaths.hardlinkEscapes("a/b")).isFalse();
        assertThat(EntryPaths.hardlinkEscapes("a/../../b")).isTrue();
    }

    @Test
    void recordLinesFollowCsvQuoting() {
        RecordFile.Parsed parsed = RecordFile.parse("a.py,sha256=x,1\r\n\"b,c.py\",sha256=y,2\n\"open,x,1\nbad\n");

        assertThat(parsed.lines()).extracting(RecordFile.Line::path).containsExactly("a.py", "b,c.py");
        assertThat(parsed.malformed()).extracting(RecordFile.Malformed::lineNumber).containsExactly(3, 4);
    }
}
