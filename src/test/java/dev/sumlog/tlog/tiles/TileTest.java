package dev.sumlog.tlog.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.tlog.TlogException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Path examples from c2sp.org/tlog-tiles (and golang.org/x/mod/sumdb/tlog for N). */
class TileTest {

    @Test
    void indexEncoding() {
        assertThat(Tile.encodeIndex(1234067)).isEqualTo("x001/x234/067");
        assertThat(Tile.encodeIndex(0)).isEqualTo("000");
        assertThat(Tile.encodeIndex(5)).isEqualTo("005");
        assertThat(Tile.encodeIndex(999)).isEqualTo("999");
        assertThat(Tile.encodeIndex(1000)).isEqualTo("x001/000");
        assertThat(Tile.encodeIndex(123456078)).isEqualTo("x123/x456/078");
        assertThat(Tile.encodeIndex(3057500)).isEqualTo("x003/x057/500");
        assertThat(Tile.encodeIndex(Long.MAX_VALUE)).isEqualTo("x009/x223/x372/x036/x854/x775/807");
    }

    @Test
    void paths() {
        assertThat(new Tile(0, 1234067, 256).path()).isEqualTo("tile/0/x001/x234/067");
        assertThat(new Tile(5, 123456078, 2).path()).isEqualTo("tile/5/x123/x456/078.p/2");
        assertThat(new Tile(63, 1, 255).path()).isEqualTo("tile/63/001.p/255");
        assertThat(Tile.entriesPath(3057500, 256)).isEqualTo("tile/entries/x003/x057/500");
        assertThat(Tile.entriesPath(0, 7)).isEqualTo("tile/entries/000.p/7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tile/0/x001/x234/067", "tile/5/x123/x456/078.p/2", "tile/63/000.p/1", "tile/1/999.p/255"})
    void parseRoundTrips(String path) {
        assertThat(Tile.parse(path).path()).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tile/3/123/456/078", "tile/0/x000/005", "tile/01/000", "tile/64/000", "tile/0/000.p/0",
        "tile/0/000.p/256", "tile/0/000.p/07", "tile/0/00", "tile/0/0000", "tile/entries/000", "tile/0/x999/x999/x999/x999/x999/x999/x999/999"})
    void parseRejectsNonCanonicalPaths(String path) {
        assertThatThrownBy(() -> Tile.parse(path)).isInstanceOf(TlogException.class).hasMessageStartingWith("tile path: ");
    }

    @Test
    void tilesForSize70000() {
        List<Tile> tiles = Tile.forTreeSize(70_000);
        var byLevel = tiles.stream().collect(Collectors.groupingBy(Tile::level));
        assertThat(byLevel.get(0)).filteredOn(t -> !t.isPartial()).hasSize(273);
        assertThat(byLevel.get(0)).filteredOn(Tile::isPartial).singleElement()
                .isEqualTo(new Tile(0, 273, 112));
        assertThat(byLevel.get(1)).containsExactly(new Tile(1, 0, 256), new Tile(1, 1, 17));
        assertThat(byLevel.get(2)).containsExactly(new Tile(2, 0, 1));
        assertThat(byLevel).hasSize(3);
        assertThat(tiles).hasSize(277);
    }

    @Test
    void tilesForSize256() {
        assertThat(Tile.forTreeSize(256)).containsExactly(new Tile(0, 0, 256), new Tile(1, 0, 1));
        assertThat(Tile.forTreeSize(0)).isEmpty();
    }
}
