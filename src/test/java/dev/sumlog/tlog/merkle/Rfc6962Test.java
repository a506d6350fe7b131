package dev.sumlog.tlog.merkle;

import static dev.sumlog.tlog.Vectors.b64;
import static dev.sumlog.tlog.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known hashes from transparency-dev/merkle (rfc6962_test.go, testonly/constants.go). */
class Rfc6962Test {

    static final List<String> WORDS = List.of("one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen");

    @Test
    void knownHashes() {
        assertThat(Rfc6962.emptyRoot()).isEqualTo(hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        assertThat(Rfc6962.hashLeaf(new byte[0]))
                .isEqualTo(hex("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"));
        assertThat(Rfc6962.hashLeaf(ascii("L123456")))
                .isEqualTo(hex("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56"));
        assertThat(Rfc6962.hashChildren(ascii("N123"), ascii("N456")))
                .isEqualTo(hex("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb"));
    }

    @Test
    void referenceTreeRoots() {
        List<String> leaves = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                "606162636465666768696a6b6c6d6e6f");
        List<String> roots = List.of(
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
                "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
                "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
                "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
        List<byte[]> entries = new ArrayList<>();
        MemoryTree tree = new MemoryTree();
        for (int n = 1; n <= leaves.size(); n++) {
            entries.add(hex(leaves.get(n - 1)));
            tree.appendEntry(hex(leaves.get(n - 1)));
            assertThat(Rfc6962.merkleTreeHash(entries)).as("MTH size %d", n).isEqualTo(hex(roots.get(n - 1)));
            assertThat(tree.root()).as("MemoryTree root size %d", n).isEqualTo(hex(roots.get(n - 1)));
        }
    }

    @Test
    void wordTreeRoots() {
        List<String> roots = List.of("vhkRqagHUb0/LAW2ZljDefc26fRE2M3RH7D7LuDmNN0=",
                "8HQCmYKw3Oc37Jcl5tEw4qlAxacqyBklU+xIWIsUN5s=", "s6Puihhk1lunSlatRbQMzfhAVCe71BRLwvsLbBUGf1E=",
                "4igQlpFVoJtq3hGF3n/gkUOQMZ5ev4nrQZSLR1Brhrg=", "aD3IdHGIHbJHsXGg54cWMPru0hs2eLjI9j3FX9E4fnE=",
                "OIaVHPV87sAEkfvXV+68G+if+0U8JXtxBNdJT7hnCO8=", "X563LrpqupgW22X68TY1Z0EbsHoMkL/1sIb8DFDxPaI=",
                "ztShEESP/U2eoPuUaLyhTgOgfhRUShjIrcnotnqv6h0=");
        for (int n = 8; n <= 15; n++) {
            assertThat(Rfc6962.merkleTreeHash(words(n))).as("size %d", n).isEqualTo(b64(roots.get(n - 8)));
        }
    }

    @Test
    void emptyTree() {
        assertThat(Rfc6962.merkleTreeHash(List.of())).isEqualTo(Rfc6962.emptyRoot());
        assertThat(new MemoryTree().root()).isEqualTo(Rfc6962.emptyRoot());
    }

    static List<byte[]> words(int n) {
        return WORDS.subList(0, n).stream().map(Rfc6962Test::ascii).toList();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
