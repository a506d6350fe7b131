package dev.sumlog.catalog;

/** Work a step has still to do when it starts: items and, where known, bytes (0 when not). */
public record Backlog(long items, long bytes) {
}
