package dev.sumlog.tlog.sigstore;

import dev.sumlog.tlog.TlogException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Single-byte mutations of a log entry: one bit flipped in each byte of the body, the SET, each
 * proof hash, the root hash and the checkpoint note, one mutant at a time, plus off-by-one
 * indexes and sizes. {@link #survivors} lists every mutant the verifier did not reject with a
 * {@link TlogException}; a sound verifier leaves none.
 */
final class Mutations {

    private Mutations() {
    }

    static List<String> survivors(TlogEntry entry, Consumer<TlogEntry> verify) {
        List<String> survivors = new ArrayList<>();
        int[] count = {0};
        Consumer<Mutant> run = mutant -> {
            count[0]++;
            try {
                verify.accept(mutant.entry());
                survivors.add(mutant.name() + ": verified");
            } catch (TlogException expected) {
                // rejected, as it must be
            } catch (RuntimeException e) {
                survivors.add(mutant.name() + ": " + e + " instead of a TlogException");
            }
        };
        mutants(entry).forEach(run);
        if (count[0] < 100) {
            survivors.add("only " + count[0] + " mutants: harness broken");
        }
        return survivors;
    }

    private static List<Mutant> mutants(TlogEntry entry) {
        List<Mutant> mutants = new ArrayList<>();
        InclusionProof proof = entry.inclusionProof();
        byte[] body = entry.canonicalizedBody();
        flips(body, "body", mutated -> withBody(entry, mutated), mutants);
        flips(proof.rootHash(), "rootHash", root -> withProof(entry, new InclusionProof(proof.logIndex(),
                proof.treeSize(), root, proof.hashes(), proof.checkpoint())), mutants);
        for (int h = 0; h < proof.hashes().size(); h++) {
            int which = h;
            flips(proof.hashes().get(h), "hashes[" + h + "]", hash -> {
                List<byte[]> hashes = new ArrayList<>(proof.hashes());
                hashes.set(which, hash);
                return withProof(entry, new InclusionProof(proof.logIndex(), proof.treeSize(), proof.rootHash(),
                        hashes, proof.checkpoint()));
            }, mutants);
        }
        flips(proof.checkpoint().getBytes(StandardCharsets.UTF_8), "checkpoint", note -> withProof(entry,
                new InclusionProof(proof.logIndex(), proof.treeSize(), proof.rootHash(), proof.hashes(),
                        new String(note, StandardCharsets.UTF_8))), mutants);
        mutants.add(new Mutant("proof logIndex + 1", withProof(entry, new InclusionProof(proof.logIndex() + 1,
                proof.treeSize(), proof.rootHash(), proof.hashes(), proof.checkpoint()))));
        mutants.add(new Mutant("proof treeSize + 1", withProof(entry, new InclusionProof(proof.logIndex(),
                proof.treeSize() + 1, proof.rootHash(), proof.hashes(), proof.checkpoint()))));
        if (entry instanceof RekorV1Entry v1) {
            v1.signedEntryTimestamp().ifPresent(set -> flips(set, "SET", mutated -> new RekorV1Entry(v1.entryId(),
                    v1.body(), v1.integratedTime(), v1.logId(), v1.logIndex(), proof, Optional.of(mutated)), mutants));
            if (v1.signedEntryTimestamp().isPresent()) {
                mutants.add(new Mutant("integratedTime + 1", new RekorV1Entry(v1.entryId(), v1.body(),
                        v1.integratedTime() + 1, v1.logId(), v1.logIndex(), proof, v1.signedEntryTimestamp())));
                mutants.add(new Mutant("logIndex + 1", new RekorV1Entry(v1.entryId(), v1.body(),
                        v1.integratedTime(), v1.logId(), v1.logIndex() + 1, proof, v1.signedEntryTimestamp())));
            }
        } else {
            RekorV2Entry v2 = (RekorV2Entry) entry;
            mutants.add(new Mutant("logIndex + 1", new RekorV2Entry(v2.logIndex() + 1, v2.logKeyId(), v2.kind(),
                    v2.version(), v2.integratedTime(), proof, body)));
        }
        return mutants;
    }

    private static void flips(byte[] original, String part, Function<byte[], TlogEntry> build, List<Mutant> out) {
        for (int i = 0; i < original.length; i++) {
            byte[] mutated = original.clone();
            mutated[i] ^= 0x01;
            out.add(new Mutant(part + " byte " + i, build.apply(mutated)));
        }
    }

    private static TlogEntry withBody(TlogEntry entry, byte[] body) {
        if (entry instanceof RekorV1Entry v1) {
            // The entry ID follows the body, as it would in a response forged to match.
            return new RekorV1Entry(HashedRekordV1.uuid(body), body, v1.integratedTime(), v1.logId(), v1.logIndex(),
                    v1.inclusionProof(), v1.signedEntryTimestamp());
        }
        RekorV2Entry v2 = (RekorV2Entry) entry;
        return new RekorV2Entry(v2.logIndex(), v2.logKeyId(), v2.kind(), v2.version(), v2.integratedTime(),
                v2.inclusionProof(), body);
    }

    private static TlogEntry withProof(TlogEntry entry, InclusionProof proof) {
        if (entry instanceof RekorV1Entry v1) {
            return new RekorV1Entry(v1.entryId(), v1.body(), v1.integratedTime(), v1.logId(), v1.logIndex(), proof,
                    v1.signedEntryTimestamp());
        }
        RekorV2Entry v2 = (RekorV2Entry) entry;
        return new RekorV2Entry(v2.logIndex(), v2.logKeyId(), v2.kind(), v2.version(), v2.integratedTime(), proof,
                v2.canonicalizedBody());
    }

    private record Mutant(String name, TlogEntry entry) {
    }
}
