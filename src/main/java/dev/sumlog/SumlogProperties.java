package dev.sumlog;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Application settings (config/application.yml, or {@code --sumlog.*} / {@code SUMLOG_*}); the job
 * file holds what differs per backfill.
 *
 * @param hashBufferBytes         read size of the hash step; large reads keep the SHA unit busy
 * @param progressIntervalSeconds how often a running step prints a progress line
 * @param hashTrace               when set, every file the hash step starts to read is appended here
 * @param haltAfterAppends        fault injection for restart tests: the process halts right after
 *                                this many log appends, before the catalog records them
 */
@ConfigurationProperties("sumlog")
public record SumlogProperties(
        @DefaultValue("1048576") int hashBufferBytes,
        @DefaultValue("5") long progressIntervalSeconds,
        Path hashTrace,
        Integer haltAfterAppends) {
}
