package dev.sumlog.catalog;

import dev.sumlog.catalog.ProblemRepository.Problem;
import dev.sumlog.release.ReleaseKey;
import dev.sumlog.support.RunIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The crawl step's writer: records files, attached to their releases (created as needed, and
 * marked to be written when they gain, change or lose a member), and records problems, all in the
 * chunk's transaction (so together with the crawl cursor).
 *
 * <p>When the output tree lies inside the source ({@code write-into-source}), a crawled file is
 * left out as sumlog's own only when the output registry says sumlog wrote it, never by its name:
 * an upstream {@code SHA256SUMS} is archive content like any other file.
 */
public class CrawlWriter implements ItemWriter<CrawlItem>, StepExecutionListener {

    /** The job parameter of {@code reconcile --full} (the job's RunMode records it with the run). */
    public static final String FULL_PARAMETER = "full";

    /** Temp files of an interrupted output write ({@code PublishedFiles}): transient, never archive content. */
    private static final Pattern OWN_TEMP_FILE = Pattern.compile("(.*/)?\\.sumlog-[0-9a-f]{16}\\.tmp");

    private final String source;
    private final ArtifactRepository artifacts;
    private final ReleaseRepository releases;
    private final ProblemRepository problems;
    private ArtifactRepository.ReadNeeds needs;
    private final SignedSubjects signed;
    private final OwnOutputs ownOutputs;
    private long runId;
    private ReleaseIds knownReleases = new ReleaseIds();

    /**
     * Where sumlog's own outputs appear in the crawled tree.
     *
     * @param prefix  the output root relative to the source root ("" when equal, null when outside)
     * @param outRoot the output root's registry key
     */
    public record OwnOutputs(String prefix, String outRoot, OutputRepository registry) {

        public static OwnOutputs none() {
            return new OwnOutputs(null, null, null);
        }
    }

    public CrawlWriter(String source, ArtifactRepository artifacts, ReleaseRepository releases,
                       ProblemRepository problems, OwnOutputs ownOutputs) {
        this(source, artifacts, releases, problems, ownOutputs, ArtifactRepository.ReadNeeds.NONE, null);
    }

    /**
     * @param needs  the job's read checks: a file never checked by them is read again
     * @param signed with signatures checked, requeues a subject whose signature file is new or changed
     */
    public CrawlWriter(String source, ArtifactRepository artifacts, ReleaseRepository releases,
                       ProblemRepository problems, OwnOutputs ownOutputs, ArtifactRepository.ReadNeeds needs,
                       SignedSubjects signed) {
        this.needs = needs;
        this.signed = signed;
        this.source = source;
        this.artifacts = artifacts;
        this.releases = releases;
        this.problems = problems;
        this.ownOutputs = ownOutputs;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        runId = RunIds.of(stepExecution);
        knownReleases = new ReleaseIds();
        // A job parameter, not a setting: a run started with --full stays full when it is resumed.
        needs = needs.withEverything(Boolean.parseBoolean(stepExecution.getJobParameters().getString(FULL_PARAMETER)));
    }

    @Override
    public void write(Chunk<? extends CrawlItem> chunk) {
        List<NewArtifact> files = new ArrayList<>(chunk.size());
        List<Problem> reported = new ArrayList<>();
        for (CrawlItem item : chunk) {
            if (item.artifact() != null) {
                files.add(item.artifact());
            } else {
                reported.add(item.problem());
                if (item.unlisted() != null) {
                    artifacts.keepUnder(source, runId, item.unlisted());
                }
            }
        }
        CrawlDelta delta = artifacts.compare(source, withoutOwnOutputs(files), needs);
        Map<ReleaseKey, Long> releaseIds = releases.attach(source, delta.attachedReleases(),
                delta.releasesLosingMembers(), knownReleases);
        artifacts.record(source, runId, delta, releaseIds);
        if (needs.signatures()) {
            signed.requeueNewlySigned(source, delta);
        }
        problems.record(runId, source, reported);
    }

    private List<NewArtifact> withoutOwnOutputs(List<NewArtifact> files) {
        String prefix = ownOutputs.prefix();
        if (prefix == null) {
            return files;
        }
        String base = prefix.isEmpty() ? "" : prefix + "/";
        List<String> candidates = files.stream().map(NewArtifact::path).filter(p -> p.startsWith(base))
                .map(p -> p.substring(base.length())).toList();
        Set<String> own = ownOutputs.registry().owned(ownOutputs.outRoot(), candidates).keySet();
        return files.stream().filter(f -> !(f.path().startsWith(base) && (own.contains(f.path().substring(base.length()))
                || OWN_TEMP_FILE.matcher(f.path()).matches()))).toList();
    }
}
