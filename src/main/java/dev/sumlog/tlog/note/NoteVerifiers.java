package dev.sumlog.tlog.note;

import dev.sumlog.tlog.TlogException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The set of keys a caller trusts, looked up by (name, key ID) as the signed-note spec
 * requires. A pair listed twice is ambiguous and is rejected when a signature needs it, since
 * the caller's configuration, not the note, is then at fault.
 */
public final class NoteVerifiers {

    private final Map<String, List<NoteVerifier>> byLabel = new HashMap<>();

    private NoteVerifiers(Collection<? extends NoteVerifier> verifiers) {
        for (NoteVerifier v : verifiers) {
            byLabel.computeIfAbsent(NoteKeys.label(v.name(), v.keyId()), k -> new ArrayList<>()).add(v);
        }
    }

    public static NoteVerifiers of(NoteVerifier... verifiers) {
        return new NoteVerifiers(Arrays.asList(verifiers));
    }

    public static NoteVerifiers of(Collection<? extends NoteVerifier> verifiers) {
        return new NoteVerifiers(verifiers);
    }

    /**
     * The trusted key with this name and ID, or empty if unknown.
     *
     * @throws TlogException if more than one trusted key has this name and ID
     */
    public Optional<NoteVerifier> find(String name, int keyId) {
        List<NoteVerifier> found = byLabel.getOrDefault(NoteKeys.label(name, keyId), List.of());
        if (found.size() > 1) {
            throw new TlogException("note: ambiguous key " + NoteKeys.label(name, keyId));
        }
        return found.stream().findFirst();
    }
}
