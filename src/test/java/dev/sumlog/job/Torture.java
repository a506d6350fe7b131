package dev.sumlog.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.job.PublishedProgress.Phase;
import dev.sumlog.testing.SumlogProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Interrupts one backfill again and again with real signals, then leaves the rest to the caller.
 *
 * <p>Aim: the steps run in order and a finished step never runs again in the same run, so kills
 * cannot go round-robin; each step is the target for its share of the kills before the next one
 * is. For each kill, once the child publishes that its target step has started, a seeded random
 * number of the step's remaining items (at most its share, rounded down to a whole commit) is let
 * through, then a random pause of up to {@value #PAUSE_MS} ms, cut short by the step's next published
 * commit, then the signal: a SIGTERM, which lets the chunk in flight commit, so takes one chunk past
 * the chosen point, however fast the machine, and leaves chunks for the next kills. A target step that
 * is over (finished, or nothing to do) passes the aim to the step that runs next. Where each kill
 * landed is read afterwards from the catalog: the step left STARTED (SIGKILL) or STOPPED (SIGTERM).
 */
final class Torture {

    enum Signal { SIGKILL, SIGTERM }

    /** One interruption: the step aimed at, items let through and ms waited after them, and where it landed. */
    record Landing(int kill, String aimedAt, long afterItems, long afterMs, String landedIn, int exitCode) {
    }

    static final List<String> STEPS = List.of("crawl", "hash", "writeSums", "submit");
    /** Upper bound of the random pause after the chosen progress point, ms (cut short by the step's next commit). */
    private static final int PAUSE_MS = 300;

    private final Path dir;
    private final Signal signal;
    private final Random random;
    private final List<String> jvmOptions;
    private final String[] args;
    private final long files;
    private final Map<String, Long> chunks;
    private final TortureCatalog catalog;

    /** @param chunks items per commit of each step with {@code args} */
    Torture(Path dir, Signal signal, long seed, List<String> jvmOptions, String[] args, long files,
            Map<String, Long> chunks) {
        this.dir = dir;
        this.signal = signal;
        this.random = new Random(seed);
        this.jvmOptions = jvmOptions;
        this.args = args;
        this.files = files;
        this.chunks = chunks;
        this.catalog = new TortureCatalog(dir.resolve("state"));
    }

    /** Sends {@code kills} signals, each to a new child running the same command, and says where each landed. */
    List<Landing> run(int kills) throws Exception {
        List<Landing> landings = new ArrayList<>();
        Map<String, Integer> landed = new HashMap<>();
        int target = 0;
        while (landings.size() < kills) {
            // Each of the first steps is aimed at until it has its share; the last takes the rest.
            while (target < STEPS.size() - 1 && landed.getOrDefault(STEPS.get(target), 0) >= kills / STEPS.size()) {
                target++;
            }
            int share = target < STEPS.size() - 1 ? kills / STEPS.size() - landed.getOrDefault(STEPS.get(target), 0)
                    : kills - landings.size();
            long crawlLeft = files - (landings.isEmpty() ? 0 : catalog.crawled());
            long started = System.nanoTime();
            SumlogProcess child = SumlogProcess.start(dir, jvmOptions, false, args);
            Aimed aimed = aimAndSignal(child, target, share, crawlLeft);
            long signalled = System.nanoTime();
            assertThat(aimed).as("the backfill ended before kill %d could land:%n%s", landings.size() + 1,
                    child.output()).isNotNull();
            SumlogProcess.Result ended = child.await(Duration.ofMinutes(3));
            long exited = System.nanoTime();
            Landing landing = new Landing(landings.size() + 1, STEPS.get(aimed.step), aimed.items, aimed.pauseMs,
                    catalog.stepLeft(signal == Signal.SIGKILL ? "STARTED" : "STOPPED"), ended.exitCode());
            checkEnded(landing, ended);
            System.out.printf("%s %2d: aimed at %s after %d items + %d ms; landed in %s; exit %d"
                    + " (signalled %.1f s after the start, ended %.1f s later)%n", signal, landing.kill(),
                    landing.aimedAt(), landing.afterItems(), landing.afterMs(), landing.landedIn(), landing.exitCode(),
                    (signalled - started) / 1e9, (exited - signalled) / 1e9);
            landings.add(landing);
            landed.merge(landing.landedIn(), 1, Integer::sum);
            target = Math.max(target, aimed.step);
        }
        return landings;
    }

    private record Aimed(int step, long items, long pauseMs) {
    }

    /**
     * Waits for the target step (or a later one, when it is over) to start in {@code child}, lets the
     * chosen number of items through, then signals after the chosen pause or at the step's next
     * published commit, whichever comes first (so a pause never runs past one more chunk, however fast
     * the machine); null when the child ended first.
     */
    private Aimed aimAndSignal(SumlogProcess child, int target, int share, long crawlLeft) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        Aimed aim = null;
        long armedAt = 0;
        long armedItems = -1;
        while (child.isAlive()) {
            assertThat(System.nanoTime()).as("no step started in time:%n%s", child.output()).isLessThan(deadline);
            PublishedProgress p = PublishedProgress.parse(ProgressFile.read(dir.resolve("state")));
            int at = p == null || p.pid() != child.pid() ? -1 : STEPS.indexOf(p.step());
            boolean over = at >= 0 && (p.phase() == Phase.ENDED || p.toDo() == 0);
            if (armedItems >= 0) {
                long waited = (System.nanoTime() - armedAt) / 1_000_000;
                if (waited >= aim.pauseMs || at >= 0 && (at != aim.step || over || p.items() > armedItems)) {
                    send(child);
                    return new Aimed(aim.step, aim.items, waited);
                }
            } else if (at >= target) {
                if (over || at > target) {
                    target = over ? at + 1 : at;
                    aim = null;
                } else {
                    if (aim == null) {
                        long left = p.toDo() > 0 ? p.toDo() : crawlLeft;
                        long chunk = chunks.get(STEPS.get(at));
                        long items = random.nextLong(Math.max(1, left / (share + 1))) / chunk * chunk;
                        aim = new Aimed(at, items, random.nextInt(PAUSE_MS));
                    }
                    if (p.items() >= aim.items) {
                        armedAt = System.nanoTime();
                        armedItems = p.items();
                    }
                }
            }
            Thread.sleep(1);
        }
        return null;
    }

    private void send(SumlogProcess child) {
        ProcessHandle handle = ProcessHandle.of(child.pid()).orElseThrow();
        // On Unix destroyForcibly is kill(pid, SIGKILL) and destroy is kill(pid, SIGTERM): real signals, no fork.
        boolean sent = signal == Signal.SIGKILL ? handle.destroyForcibly() : handle.destroy();
        assertThat(sent || !handle.isAlive()).as("%s sent", signal).isTrue();
    }

    /** A SIGKILL leaves exit 137; a SIGTERM a graceful stop (exit 1), or a run that had just finished. */
    private void checkEnded(Landing landing, SumlogProcess.Result ended) {
        if (landing.kill() > 1) {
            assertThat(ended.output()).as("the same run resumes").containsPattern(signal == Signal.SIGKILL
                    ? "recovering run 1 \\(execution \\d+ left STARTED" : "resuming run 1 \\(STOPPED, execution \\d+\\)");
        }
        if (signal == Signal.SIGKILL) {
            assertThat(ended.exitCode()).as(ended.output()).isEqualTo(137);
        } else {
            assertThat(ended.exitCode()).as(ended.output()).isEqualTo(1);
            assertThat(ended.output()).contains("stop requested").contains("backfill stopped");
        }
    }
}
