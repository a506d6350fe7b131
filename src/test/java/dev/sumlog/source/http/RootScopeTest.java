package dev.sumlog.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RootScopeTest {

    private static final URI ROOT = URI.create("https://tarballs.example.org/mirror/");
    private static final URI PAGE = URI.create("https://tarballs.example.org/mirror/openstack/nova/");
    private final RootScope scope = new RootScope(ROOT);

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', commentCharacter = '!', value = {
        "nova-27.0.0.tar.gz                 | https://tarballs.example.org/mirror/openstack/nova/nova-27.0.0.tar.gz | openstack/nova/nova-27.0.0.tar.gz",
        "dib/                               | https://tarballs.example.org/mirror/openstack/nova/dib/               | openstack/nova/dib",
        "odd%20name-1.0.tar.gz              | https://tarballs.example.org/mirror/openstack/nova/odd%20name-1.0.tar.gz | openstack/nova/odd name-1.0.tar.gz",
        "nova-2025.2.0+abc.tgz              | https://tarballs.example.org/mirror/openstack/nova/nova-2025.2.0%2Babc.tgz | openstack/nova/nova-2025.2.0+abc.tgz",
        "nova-2025.2.0%2Babc.tgz            | https://tarballs.example.org/mirror/openstack/nova/nova-2025.2.0%2Babc.tgz | openstack/nova/nova-2025.2.0+abc.tgz",
        "caf%C3%A9-1.0.tar.gz               | https://tarballs.example.org/mirror/openstack/nova/caf%C3%A9-1.0.tar.gz | openstack/nova/caf\u00e9-1.0.tar.gz",
        "caf\u00e9 1.0.tar.gz              | https://tarballs.example.org/mirror/openstack/nova/caf%C3%A9%201.0.tar.gz | openstack/nova/caf\u00e9 1.0.tar.gz",
        "odd%5Cname.tar.gz                  | https://tarballs.example.org/mirror/openstack/nova/odd%5Cname.tar.gz | openstack/nova/odd\\name.tar.gz",
        "../keystone/                       | https://tarballs.example.org/mirror/openstack/keystone/               | openstack/keystone",
        "%2e%2e/keystone/x.whl              | https://tarballs.example.org/mirror/openstack/keystone/x.whl          | openstack/keystone/x.whl",
        "/mirror/x/etcd3gw/                 | https://tarballs.example.org/mirror/x/etcd3gw/                        | x/etcd3gw",
        "HTTPS://Tarballs.Example.ORG:443/mirror/x/a.tgz | https://tarballs.example.org/mirror/x/a.tgz               | x/a.tgz",
        "./%7Euser.tgz                      | https://tarballs.example.org/mirror/openstack/nova/~user.tgz          | openstack/nova/~user.tgz",
    })
    void admitsLinksUnderTheRootInCanonicalForm(String href, String url, String path) {
        Admission admission = scope.admit(PAGE, href);
        assertThat(admission.reason()).isEmpty();
        assertThat(admission.target()).contains(URI.create(url));
        assertThat(admission.relativePath()).isEqualTo(path);
        assertThat(admission.directory()).isEqualTo(href.endsWith("/"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', commentCharacter = '!', value = {
        "../../../etc/passwd                  | leads to outside the root",
        "../../../../../etc/passwd            | '..' escapes above the server root",
        "%2e%2e/%2e%2e/%2e%2e/etc/            | leads to outside the root",
        "..%2f..%2f..%2fetc/                  | encoded '/' or NUL in a name",
        "..\\..\\etc\\passwd                  | backslash in link",
        "/etc/passwd                          | leads to outside the root",
        "/mirror/../etc/                      | leads to outside the root",
        "/                                    | leads to a parent of the root",
        "../../                               | leads to the root itself",
        "dib//files/                          | empty path segment",
        "?C=M;O=A                             | sort or format link of the index",
        "x.tar.gz?download=1                  | link with a query string",
        "x.tar.gz#sha256=abc                  | link with a fragment",
        "#top                                 | in-page anchor",
        "http://tarballs.example.org/mirror/x/| other scheme 'http' (root is https)",
        "ftp://tarballs.example.org/mirror/x/ | other scheme 'ftp'",
        "mailto:root@example.org              | other scheme 'mailto'",
        "javascript:alert(1)                  | other scheme 'javascript'",
        "//evil.example/mirror/x/             | other host 'evil.example'",
        "https://evil.example/mirror/x.tgz    | other host 'evil.example'",
        "https://tarballs.example.org:8443/mirror/x/ | other port 8443",
        "https://u:p@tarballs.example.org/mirror/x/  | link carries user info",
        "bad-%FF%FE.tar.gz                    | not valid UTF-8",
        "bad-%zz.tar.gz                       | malformed link",
        "bad-%4.tar.gz                        | malformed link",
        "a%00b.tgz                            | encoded '/' or NUL",
    })
    void rejectsEverythingElseWithAReason(String href, String reason) {
        Admission admission = scope.admit(PAGE, href);
        assertThat(admission.isAdmitted()).as(href).isFalse();
        assertThat(admission.target()).isEmpty();
        assertThat(admission.reason()).contains(reason);
        assertThat(admission.rejection().subject()).isEqualTo(href);
    }

    @Test
    void sortLinksAreNavigationButForeignQueriesAreReported() {
        assertThat(scope.admit(PAGE, "?C=N;O=D").rejection().navigation()).isTrue();
        assertThat(scope.admit(PAGE, "?F=2;V=1;P=*.asc").rejection().navigation()).isTrue();
        assertThat(scope.admit(PAGE, "?id=1").rejection().navigation()).isFalse();
    }

    @Test
    void redirectsAreFollowedOnlyUnderTheRoot() {
        URI page = URI.create("https://tarballs.example.org/mirror/openstack/alias");
        assertThat(scope.allowsRedirect(page, URI.create("https://tarballs.example.org/mirror/openstack/alias/"))).isTrue();
        assertThat(scope.allowsRedirect(URI.create("https://tarballs.example.org/mirror"), ROOT)).isTrue();
        assertThat(scope.allowsRedirect(page, URI.create("https://tarballs.example.org/outside/"))).isFalse();
        assertThat(scope.allowsRedirect(page, URI.create("https://evil.example/mirror/"))).isFalse();
        assertThat(scope.allowsRedirect(page, URI.create("http://tarballs.example.org/mirror/x/"))).isFalse();
        assertThat(scope.redirect(page, "/outside/").reason()).isEqualTo("redirect refused: leads to outside the root "
                + ROOT);
        assertThat(scope.redirect(page, "../../../etc/").reason()).startsWith("redirect refused: ");
    }

    @Test
    void theRootGetsATrailingSlashAndRefusesUserInfoWithoutPrintingIt() {
        assertThat(new RootScope(URI.create("http://Example.org:80/pub")).root()).isEqualTo(URI.create("http://example.org/pub/"));
        assertThatThrownBy(() -> new RootScope(URI.create("https://alice:s3cret@example.org/pub/")))
                .hasMessageContaining("user info").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> new RootScope(URI.create("https://example.org/pub/?C=N")))
                .hasMessageContaining("query");
    }
}
