package dev.sumlog.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ReleaseKeysTest {

    private final FileNameClassifier classifier = FileNameClassifier.withDefaults();

    @Test
    void flatLayoutGroupsSpellingVariantsAndSidecarsIntoOneRelease() {
        List<String> files = List.of(
                "oslo.config-9.0.0-py3-none-any.whl", "oslo.config-9.0.0-py3-none-any.whl.asc",
                "oslo_config-9.0.0-py3-none-any.whl", "oslo_config-9.0.0.tar.gz", "oslo_config-9.0.0.tar.gz.asc",
                "oslo.config-9.1.0.tar.gz", "oslo.config-master.tar.gz", "README");

        Map<String, List<String>> byRelease = group(Layout.FLAT, "openstack/oslo.config", files);

        assertThat(byRelease).containsOnlyKeys(
                "openstack/oslo.config/oslo-config-9.0.0.SHA256SUMS",
                "openstack/oslo.config/oslo-config-9.1.0.SHA256SUMS");
        assertThat(byRelease.get("openstack/oslo.config/oslo-config-9.0.0.SHA256SUMS")).hasSize(5);
    }

    @Test
    void perDirectoryLayoutPutsEveryNonMutableFileIntoTheDirectoryRelease() {
        List<String> files = List.of("node-v20.1.0.tar.gz", "SHASUMS256.txt", "README", "index.yaml",
                "node-master.tar.gz");

        Map<String, List<String>> byRelease = group(Layout.PER_DIRECTORY, "dist/v20.1.0", files);

        assertThat(byRelease).containsOnlyKeys("dist/v20.1.0/SHA256SUMS");
        assertThat(byRelease.get("dist/v20.1.0/SHA256SUMS"))
                .containsExactlyInAnyOrder("node-v20.1.0.tar.gz", "SHASUMS256.txt", "README");
        ReleaseKey key = ReleaseKeys.of(Layout.PER_DIRECTORY, "dist/v20.1.0", classifier.classify("README")).get();
        assertThat(key.project()).isEqualTo("v20-1-0");
        assertThat(key.version()).isEmpty();
        assertThat(key.isWholeDirectory()).isTrue();
    }

    @Test
    void rootDirectoryReleaseIsNamedRoot() {
        Optional<ReleaseKey> key = ReleaseKeys.of(Layout.PER_DIRECTORY, "", classifier.classify("README"));
        assertThat(key).contains(new ReleaseKey("", "root", ""));
        assertThat(key.get().sumsPath()).isEqualTo("SHA256SUMS");
    }

    @Test
    void flatLayoutGivesNoKeyToMutableOrUnclassifiedFiles() {
        assertThat(ReleaseKeys.of(Layout.FLAT, "x", classifier.classify("nova-master.tar.gz"))).isEmpty();
        assertThat(ReleaseKeys.of(Layout.FLAT, "x", classifier.classify("README"))).isEmpty();
    }

    @Test
    void nameJoinsProjectAndVersionUnambiguously() {
        ReleaseKey key = new ReleaseKey("openstack/python-novaclient", "python-novaclient", "17.0.0");
        assertThat(key.name()).isEqualTo("python-novaclient-17.0.0");
        assertThat(key.sumsFileName()).isEqualTo("python-novaclient-17.0.0.SHA256SUMS");
        assertThat(key.sumsPath()).isEqualTo("openstack/python-novaclient/python-novaclient-17.0.0.SHA256SUMS");
    }

    @Test
    void mutableSnapshotNameIsNeverAReleaseSumsName() {
        String snapshot = SumsFileNames.MUTABLE_SNAPSHOT;
        assertThat(snapshot).doesNotEndWith(SumsFileNames.SUMS_SUFFIX).isNotEqualTo(SumsFileNames.PER_DIRECTORY_SUMS);
        // Even a project spelled to imitate it normalizes away from it.
        Classification imitation = classifier.classify("_mutable-1.0.tar.gz");
        ReleaseKey key = ReleaseKeys.of(Layout.FLAT, "", imitation).get();
        assertThat(key.name()).doesNotStartWith("_");
        assertThat(SumsFileNames.isSumlogOutput(snapshot)).isTrue();
        assertThat(SumsFileNames.isSumlogOutput(key.sumsFileName())).isTrue();
        assertThat(SumsFileNames.isSumlogOutput("nova-27.0.0.tar.gz")).isFalse();
    }

    @Test
    void rejectsKeysThatBreakTheInvariants() {
        assertThatThrownBy(() -> new ReleaseKey("/abs", "nova", "1.0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReleaseKey("a/", "nova", "1.0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReleaseKey("a/../b", "nova", "1.0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReleaseKey("a", "Nova", "1.0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReleaseKey("a", "nova", "1.0-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReleaseKey("a", "", "1.0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void customPatternsReplaceTheDefaultsAndMayMatchPaths() {
        FileNameClassifier custom = new FileNameClassifier(List.of("*-nightly.*", "translation-source/**"));

        assertThat(custom.classify("nova-nightly.tar.gz").kind()).isEqualTo(ArtifactKind.MUTABLE);
        assertThat(custom.classify("openstack/translation-source/nova/master", "nova-1.0.tar.gz").kind())
                .isEqualTo(ArtifactKind.SUBJECT);
        assertThat(custom.classify("translation-source/nova/master", "nova.pot").kind())
                .isEqualTo(ArtifactKind.MUTABLE);
        assertThat(custom.classify("nova-master.tar.gz").kind()).isEqualTo(ArtifactKind.UNCLASSIFIED);
        assertThat(custom.mutablePatterns()).containsExactly("*-nightly.*", "translation-source/**");
    }

    private Map<String, List<String>> group(Layout layout, String directory, List<String> files) {
        Map<String, List<String>> byRelease = new TreeMap<>();
        for (String file : files) {
            ReleaseKeys.of(layout, directory, classifier.classify(directory, file)).ifPresent(key ->
                    byRelease.computeIfAbsent(key.sumsPath(), k -> new java.util.ArrayList<>()).add(file));
        }
        assertThat(new TreeSet<>(byRelease.keySet())).doesNotContain(directory + "/" + SumsFileNames.MUTABLE_SNAPSHOT);
        return byRelease;
    }
}
