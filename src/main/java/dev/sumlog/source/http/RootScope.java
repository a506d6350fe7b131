package dev.sumlog.source.http;

import java.net.URI;
import java.util.List;

/**
 * The part of the web a crawl may touch: the root URL's directory and everything strictly below it,
 * on the same scheme, host and port. Everything the crawler requests passes through here first,
 * links and redirect targets alike.
 *
 * <p>Invariant: an admitted URL is canonical ({@link Links}), has no user info, query or fragment,
 * and its decoded path segments start with the root's and are longer; so no normalisation trick
 * ({@code ..}, {@code %2e%2e}, {@code //}, backslashes, encoded slashes) can reach outside the root.
 */
public final class RootScope {

    private final Links.Resolved root;

    /**
     * @param root an http(s) URL of a directory; a missing trailing '/' is added (the root is a listing)
     * @throws IllegalArgumentException with a one-line reason when the URL cannot be a crawl root
     */
    public RootScope(URI root) {
        if (root.getRawQuery() != null || root.getRawFragment() != null) {
            throw new IllegalArgumentException("source URL " + safe(root) + " must not have a query or fragment");
        }
        String text = root.toString();
        Links.Result result = Links.canonical(URI.create(text.endsWith("/") ? text : text + "/"));
        if (result.rejection() != null) {
            throw new IllegalArgumentException("source URL " + safe(root) + ": " + result.rejection().reason());
        }
        this.root = result.link();
    }

    /** The canonical root URL, ending with '/'. */
    public URI root() {
        return root.url();
    }

    /**
     * The canonical URL of a file the crawl catalogued at {@code relativePath} (decoded, '/'-separated):
     * the same URL the crawl admitted, since admitted URLs are rebuilt from their decoded segments.
     */
    public URI fileUrl(String relativePath) {
        List<String> segments = new java.util.ArrayList<>(root.segments());
        for (String segment : relativePath.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("not a catalogued path: " + relativePath);
            }
            segments.add(segment);
        }
        return Links.build(root.scheme(), root.host(), root.port(), segments, false);
    }

    /** Resolves {@code href} against {@code base} (the page it is on) and admits it if it lies under the root. */
    public Admission admit(URI base, String href) {
        Links.Result result = Links.resolve(base, href);
        if (result.rejection() != null) {
            return Admission.rejected(result.rejection());
        }
        return admit(href, result.link());
    }

    /** Admits an absolute URL (an entry's URL, a page to fetch). */
    public Admission admit(URI url) {
        return admit(url, url.toString());
    }

    /**
     * Whether a redirect from {@code from} may be followed to {@code to}: the target must be the root
     * itself or lie under it (a server redirecting {@code /root} to {@code /root/} is fine).
     */
    public boolean allowsRedirect(URI from, URI to) {
        return redirect(from, to.toString()).isAdmitted();
    }

    /** As {@link #allowsRedirect} for a raw Location header value, with the reason when refused. */
    public Admission redirect(URI from, String location) {
        Links.Result result = Links.resolve(from, location);
        if (result.rejection() != null) {
            return Admission.rejected(Skipped.problem(location, "redirect refused: " + result.rejection().reason()));
        }
        Links.Resolved target = result.link();
        if (target.segments().equals(root.segments()) && target.sameOrigin(root)) {
            return Admission.admitted(root.url(), "", true);
        }
        Admission admission = admit(location, target);
        return admission.isAdmitted() ? admission
                : Admission.rejected(Skipped.problem(location, "redirect refused: " + admission.reason()));
    }

    private Admission admit(String href, Links.Resolved link) {
        if (!link.scheme().equals(root.scheme())) {
            return Admission.rejected(Skipped.problem(href, "other scheme '" + link.scheme() + "' (root is "
                    + root.scheme() + ")"));
        }
        if (!link.host().equals(root.host())) {
            return Admission.rejected(Skipped.problem(href, "other host '" + link.host() + "'"));
        }
        if (link.port() != root.port()) {
            return Admission.rejected(Skipped.problem(href, "other port " + link.port()));
        }
        List<String> segments = link.segments();
        List<String> base = root.segments();
        if (segments.size() <= base.size() || !segments.subList(0, base.size()).equals(base)) {
            String where = root.isAncestorOrSelf(link) ? "the root itself" : link.isAncestorOrSelf(root)
                    ? "a parent of the root" : "outside the root " + root.url();
            return Admission.rejected(Skipped.problem(href, "leads to " + where));
        }
        return Admission.admitted(link.url(), String.join("/", segments.subList(base.size(), segments.size())),
                link.directory());
    }

    /** The URL without user info, for messages. */
    private static String safe(URI uri) {
        return uri.getRawUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "***@");
    }
}
