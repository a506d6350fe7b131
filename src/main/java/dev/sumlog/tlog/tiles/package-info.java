/**
 * C2SP tlog-tiles (c2sp.org/tlog-tiles): tile and entry-bundle paths, a read-only client over
 * a directory or an HTTP prefix ({@link dev.sumlog.tlog.tiles.TileReader}), and an embedded,
 * crash-safe static log written as plain files ({@link dev.sumlog.tlog.tiles.TileLog}).
 *
 * <p>Part of {@code dev.sumlog.tlog}, which depends on nothing else in sumlog.
 */
package dev.sumlog.tlog.tiles;
