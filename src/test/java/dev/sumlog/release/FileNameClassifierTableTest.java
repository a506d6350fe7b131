package dev.sumlog.release;

import static dev.sumlog.release.ArtifactKind.MUTABLE;
import static dev.sumlog.release.ArtifactKind.SIDECAR;
import static dev.sumlog.release.ArtifactKind.SUBJECT;
import static dev.sumlog.release.ArtifactKind.UNCLASSIFIED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every naming trap of tarballs.opendev.org, one row each: file name -> kind, project, version. */
class FileNameClassifierTableTest {

    private static final FileNameClassifier CLASSIFIER = FileNameClassifier.withDefaults();

    static Stream<Arguments> traps() {
        return Stream.of(
                // Legacy multi-dash sdist names next to the PEP 625 spelling: one project.
                row("python-novaclient-17.0.0.tar.gz", SUBJECT, "python-novaclient", "17.0.0"),
                row("python_novaclient-18.11.0.tar.gz", SUBJECT, "python-novaclient", "18.11.0"),
                row("python_novaclient-18.11.0-py3-none-any.whl", SUBJECT, "python-novaclient", "18.11.0"),
                // Dots and underscores: one release.
                row("oslo.config-9.0.0-py3-none-any.whl", SUBJECT, "oslo-config", "9.0.0"),
                row("oslo_config-9.0.0-py3-none-any.whl", SUBJECT, "oslo-config", "9.0.0"),
                row("oslo.config-9.0.0.tar.gz", SUBJECT, "oslo-config", "9.0.0"),
                row("oslo_config-9.0.0.tar.gz", SUBJECT, "oslo-config", "9.0.0"),
                // Digits inside names.
                row("keystoneauth1-5.1.0.tar.gz", SUBJECT, "keystoneauth1", "5.1.0"),
                row("etcd3gw-2.1.0.tar.gz", SUBJECT, "etcd3gw", "2.1.0"),
                row("xstatic-d3-3.5.17.0.tar.gz", SUBJECT, "xstatic-d3", "3.5.17.0"),
                row("ec2-api-16.0.0.tar.gz", SUBJECT, "ec2-api", "16.0.0"),
                row("XStatic-Angular-1.8.2.2.tar.gz", SUBJECT, "xstatic-angular", "1.8.2.2"),
                row("os_vif-3.1.0.tar.gz", SUBJECT, "os-vif", "3.1.0"),
                row("neutron-lib-3.15.0.tar.gz", SUBJECT, "neutron-lib", "3.15.0"),
                row("neutron_lib-5.0.1.tar.gz", SUBJECT, "neutron-lib", "5.0.1"),
                row("puppet-nova-27.0.0.tar.gz", SUBJECT, "puppet-nova", "27.0.0"),
                // Version shapes.
                row("nova-27.0.0.0rc1.tar.gz", SUBJECT, "nova", "27.0.0.0rc1"),
                row("nova-27.0.0.0b1.tar.gz", SUBJECT, "nova", "27.0.0.0b1"),
                row("nova-27.0.0.0b1-py3-none-any.whl", SUBJECT, "nova", "27.0.0.0b1"),
                row("nova-2014.1.tar.gz", SUBJECT, "nova", "2014.1"),
                row("nova-2013.2.1.tar.gz", SUBJECT, "nova", "2013.2.1"),
                row("oslo.i18n-0.21.tar.gz", SUBJECT, "oslo-i18n", "0.21"),
                row("nova-28.0.0rc2.tar.bz2", SUBJECT, "nova", "28.0.0rc2"),
                row("nova-28.0.0.dev12.tar.gz", SUBJECT, "nova", "28.0.0.dev12"),
                row("nova-27.0.0.post1.tar.xz", SUBJECT, "nova", "27.0.0.post1"),
                row("nova-27.0.0-1.zip", SUBJECT, "nova", "27.0.0.post1"),
                row("tool-v1.2.3.tar.gz", SUBJECT, "tool", "1.2.3"),
                row("tool-1!2.0.tgz", SUBJECT, "tool", "1!2.0"),
                row("nova-2025.2.0+abc123.tgz", SUBJECT, "nova", "2025.2.0+abc123"),
                // Wheels: 5 fields, py2.py3 tag, and a 6-field wheel with a build tag.
                row("nova-27.0.0-py3-none-any.whl", SUBJECT, "nova", "27.0.0"),
                row("nova-2014.1-py2.py3-none-any.whl", SUBJECT, "nova", "2014.1"),
                row("nova-27.0.0-1-py3-none-any.whl", SUBJECT, "nova", "27.0.0"),
                row("XStatic_Angular-1.8.2.2-py3-none-any.whl", SUBJECT, "xstatic-angular", "1.8.2.2"),
                // Sidecars take their subject's release, even when the subject is missing.
                sidecar("nova-27.0.0.tar.gz.asc", "nova", "27.0.0", "nova-27.0.0.tar.gz"),
                sidecar("nova-27.0.0-py3-none-any.whl.asc", "nova", "27.0.0", "nova-27.0.0-py3-none-any.whl"),
                sidecar("gcc-5.4.0.tar.bz2.sig", "gcc", "5.4.0", "gcc-5.4.0.tar.bz2"),
                sidecar("nova-27.0.0.tar.gz.sha256", "nova", "27.0.0", "nova-27.0.0.tar.gz"),
                sidecar("nova-27.0.0.tar.gz.sha512", "nova", "27.0.0", "nova-27.0.0.tar.gz"),
                sidecar("nova-27.0.0.tar.gz.md5", "nova", "27.0.0", "nova-27.0.0.tar.gz"),
                sidecar("nova-27.0.0.tar.gz.sha1", "nova", "27.0.0", "nova-27.0.0.tar.gz"),
                sidecar("nova-27.0.0.tar.gz.sha256.asc", "nova", "27.0.0", "nova-27.0.0.tar.gz.sha256"),
                sidecar("nova-25.0.0.tar.gz.asc", "nova", "25.0.0", "nova-25.0.0.tar.gz"),
                // Mutable: branch tarballs, wheels, images, indexes, and their sidecars.
                row("nova-master.tar.gz", MUTABLE, null, null),
                row("nova-master.whl", MUTABLE, null, null),
                row("nova-master.tar.gz.asc", MUTABLE, null, null),
                row("nova-stable-2023.1.tar.gz", MUTABLE, null, null),
                row("nova-stable-2023.1.whl", MUTABLE, null, null),
                row("nova-stable-juno.tar.gz", MUTABLE, null, null),
                row("nova-unmaintained-2023.1.tar.gz", MUTABLE, null, null),
                row("ironic-bugfix-21.1.tar.gz", MUTABLE, null, null),
                row("nova-milestone-proposed.tar.gz", MUTABLE, null, null),
                row("stackviz-latest.tar.gz", MUTABLE, null, null),
                row("index.yaml", MUTABLE, null, null),
                row("trove-master-guest-ubuntu-jammy.qcow2", MUTABLE, null, null),
                row("ipa-centos9-stable-2024.1.initramfs", MUTABLE, null, null),
                row("ipa-centos9-master.tar.gz.sha256", MUTABLE, null, null),
                row("Nova-MASTER.tar.gz", MUTABLE, null, null),
                // Unclassified: hashed and reported, never dropped.
                row("README", UNCLASSIFIED, null, null),
                row("foo.txt", UNCLASSIFIED, null, null),
                row("trove-guest-ubuntu-jammy.qcow2", UNCLASSIFIED, null, null),
                row("master.tar.gz", UNCLASSIFIED, null, null),
                row("nova-latest-build.tar.gz", UNCLASSIFIED, null, null),
                row("nova.tar.gz", UNCLASSIFIED, null, null),
                row("-1.0.tar.gz", UNCLASSIFIED, null, null),
                row("nova-2014.2.dev835.g45f6bd9.tar.gz", UNCLASSIFIED, null, null),
                row("nova-27.0.0-py3-any.whl", UNCLASSIFIED, null, null),
                row("nova-27.0.0-x-py3-none-any.whl", UNCLASSIFIED, null, null),
                row(".asc", UNCLASSIFIED, null, null),
                row("README.asc", UNCLASSIFIED, null, null),
                row(".htaccess", UNCLASSIFIED, null, null),
                row("HEADER.html", UNCLASSIFIED, null, null),
                // Spaces, non-ASCII, backslash, newline and CR stay part of the project name.
                row("odd name-1.0.tar.gz", SUBJECT, "odd name", "1.0"),
                row("café-1.0.tar.gz", SUBJECT, "café", "1.0"),
                row("Ünïcödé_Lib-2.0.tar.gz", SUBJECT, "ünïcödé-lib", "2.0"),
                row("odd\\name-1.0.tar.gz", SUBJECT, "odd\\name", "1.0"),
                row("odd\nname-1.0.tar.gz", SUBJECT, "odd\nname", "1.0"),
                row("odd\rname-1.0.tar.gz", SUBJECT, "odd\rname", "1.0"),
                sidecar("odd name-1.0.tar.gz.asc", "odd name", "1.0", "odd name-1.0.tar.gz"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("traps")
    void classifies(String fileName, ArtifactKind kind, String project, String version, String subjectName) {
        Classification c = CLASSIFIER.classify(fileName);

        assertThat(c.kind()).as("kind of %s (%s)", fileName, c.reason()).isEqualTo(kind);
        assertThat(c.project()).as("project of %s", fileName).isEqualTo(project);
        assertThat(c.version()).as("version of %s", fileName).isEqualTo(version);
        if (subjectName != null) {
            assertThat(c.subjectName()).isEqualTo(subjectName);
        }
        assertThat(c.reason()).isNotBlank();
    }

    private static Arguments row(String name, ArtifactKind kind, String project, String version) {
        return Arguments.of(name, kind, project, version, null);
    }

    private static Arguments sidecar(String name, String project, String version, String subject) {
        return Arguments.of(name, SIDECAR, project, version, subject);
    }
}
