package dev.sumlog.cli;

import dev.sumlog.fixture.FixtureGenerator;
import dev.sumlog.fixture.FixtureSpec;
import dev.sumlog.fixture.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "fixture", mixinStandardHelpOptions = true,
        description = {"Generate a deterministic OpenStack-like sample archive (for trying sumlog, tests and benchmarks).",
                "The same tier and seed always give the same files, bytes and mtimes.",
                "Files named .tar.gz, .tgz and .whl are valid archives (an sdist under <name>-<version>/, a wheel with a",
                "matching RECORD) of random content, so archive inspection passes them; signatures are not real."})
class FixtureCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory to create the archive in.")
    Path out;

    @Option(names = "--tier", paramLabel = "TIER", description = "small (default), medium, big-files, many-small (2 files per release), "
            + "one-per-release, four-per-release (sdist, wheel and a .asc of each; --size is the sdist's and wheel's).")
    String tier = "small";

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: 1).")
    long seed = 1;

    @Option(names = "--count", paramLabel = "N", description = "Files, for the sized tiers (all but small and medium).")
    Integer count;

    @Option(names = "--size", paramLabel = "BYTES", description = "Bytes per file, for the sized tiers "
            + "(an archive is at least about 300 bytes, a wheel 800: smaller sizes are raised).")
    Long size;

    @Override
    public Integer call() throws Exception {
        if (Files.isDirectory(out)) {
            try (var entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    System.out.println("fixture: " + out + " already holds files; left as it is");
                    return ExitCodes.OK;
                }
            }
        }
        var summary = FixtureGenerator.generate(out, spec(), seed);
        System.out.println("fixture " + tier + " (seed " + seed + "): " + summary);
        return ExitCodes.OK;
    }

    private FixtureSpec spec() {
        return switch (tier) {
            case "small" -> Tier.SMALL.spec();
            case "medium" -> Tier.MEDIUM.spec();
            case "big-files" -> sized(Tier.BIG_FILES);
            case "many-small" -> sized(Tier.MANY_SMALL);
            case "one-per-release" -> sized(Tier.ONE_PER_RELEASE);
            case "four-per-release" -> sized(Tier.FOUR_PER_RELEASE);
            default -> throw new UsageException("--tier: unknown tier '" + tier
                    + "' (small, medium, big-files, many-small, one-per-release, four-per-release)");
        };
    }

    private FixtureSpec sized(Tier bulk) {
        FixtureSpec defaults = bulk.spec();
        return bulk.with(count == null ? defaults.count() : count, size == null ? defaults.fileSize() : size);
    }
}
