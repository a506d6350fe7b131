package dev.sumlog.tlog.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.testing.Mutations;
import dev.sumlog.testing.Mutations.Mutant;
import dev.sumlog.tlog.TlogException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link NoteKeys#parseVerifierKey} and {@link NoteKeys#parseSignerKey} reject every changed byte: the key
 * ID covers the name and the key. Exceptions: an ECDSA key ID does not cover the name, so a changed name
 * is another valid key; and the hex key ID may be upper case, as in golang.org/x/mod/sumdb/note.
 */
class NoteKeysStrictParseTest {

    /** From golang.org/x/mod/sumdb/note's tests. */
    static final String GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String GO_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";

    static List<String> verifierKeys() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        String ecdsa = EcdsaNoteVerifier.fromSpki("rekor.example/\u00e9", ec.generateKeyPair().getPublic().getEncoded())
                .verifierKey();
        return List.of(GO_VKEY, NoteKeys.generate("example.com/log/\u00fc").verifierKey(), ecdsa);
    }

    static List<String> signerKeys() {
        return List.of(GO_SKEY, NoteKeys.generate("example.com/log/\u00fc").signerKey());
    }

    @ParameterizedTest
    @MethodSource("verifierKeys")
    void verifierKeyMutantsAreRejected(String vkey) {
        byte[] valid = vkey.getBytes(StandardCharsets.UTF_8);
        int nameEnd = byteIndexOf(valid, '+', 0);
        boolean ecdsa = NoteKeys.parseVerifierKey(vkey) instanceof EcdsaNoteVerifier;
        verifier().mayParse(m -> ecdsa && m.position() < nameEnd).sameValue(keyIdCase(valid, nameEnd + 1))
                .check(valid, Mutations.singleByteChanges(valid));
        verifier().check(valid, Mutations.truncations(valid));
    }

    @ParameterizedTest
    @MethodSource("signerKeys")
    void signerKeyMutantsAreRejected(String skey) {
        byte[] valid = skey.getBytes(StandardCharsets.UTF_8);
        int idStart = byteIndexOf(valid, '+', "PRIVATE+KEY+".length()) + 1;
        signer().sameValue(keyIdCase(valid, idStart)).check(valid, Mutations.singleByteChanges(valid));
        signer().check(valid, Mutations.truncations(valid));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            PeterNeumann+c74f20a3                  | verifier key: want <name>+<hex id>+<base64 key>
            PeterNeumann+c74f20a+AQ==              | verifier key: key ID 'c74f20a' is not 8 hex digits
            PeterNeumann+c74f20ag+AQ==             | verifier key: key ID 'c74f20ag' is not 8 hex digits
            PeterNeumann+c74f20a3+AQ=              | verifier key: key is not padded base64
            PeterNeumann+c74f20a3+AR==             | verifier key: key is not canonical base64
            PeterNeumann+c74f20a3+A*==             | verifier key: key is not base64
            PeterNeumann+c74f20a3+AAAA             | verifier key: unknown key type 0x00
            PeterNeumann+c74f20a3+AQAA             | verifier key: Ed25519 key is 2 bytes, want 32
            PeterNeumann+c74f20a3+AgAA             | verifier key: ECDSA key is not an EC SubjectPublicKeyInfo
            PeterNeumann+00000000+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW | verifier key: key ID 00000000 does not match the key
            Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW | verifier key: invalid key name 'Peter Neumann'
            PRIVATE+KEY+PeterNeumann+c74f20a3      | signer key: want PRIVATE+KEY+<name>+<hex id>+<base64 key>
            PRIVATE+key+PeterNeumann+c74f20a3+AQ== | signer key: want PRIVATE+KEY+<name>+<hex id>+<base64 key>
            PRIVATE+KEY+PeterNeumann+c74f20a+AQ==  | signer key: key ID 'c74f20a' is not 8 hex digits
            PRIVATE+KEY+PeterNeumann+c74f20a3+AQ=  | signer key: key is not padded base64
            PRIVATE+KEY+PeterNeumann+c74f20a3+AQ== | signer key: want 0x01 followed by a 32-byte Ed25519 seed
            PRIVATE+KEY+PeterNeumann+00000000+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz | signer key: key ID 00000000 does not match the key
            PRIVATE+KEY+Peter\u00a0Neumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz | signer key: invalid key name 'Peter\u00a0Neumann'
            """)
    void messageNamesTheFailedCheck(String key, String message) {
        assertThatThrownBy(() -> {
            if (key.startsWith("PRIVATE+")) {
                NoteKeys.parseSignerKey(key);
            } else {
                NoteKeys.parseVerifierKey(key);
            }
        }).isExactlyInstanceOf(TlogException.class).hasMessage(message);
    }

    @ParameterizedTest
    @MethodSource("signerKeys")
    void signerAndVerifierKeysAgree(String skey) {
        Ed25519NoteSigner signer = NoteKeys.parseSignerKey(skey);
        assertThat(NoteKeys.parseVerifierKey(signer.verifier().verifierKey()).keyId()).isEqualTo(signer.keyId());
        assertThat(signer.signerKey()).isEqualTo(skey);
    }

    private static Mutations.Strictness<NoteVerifier> verifier() {
        return Mutations.parser(b -> NoteKeys.parseVerifierKey(new String(b, StandardCharsets.UTF_8)),
                NoteVerifier::verifierKey, TlogException.class, "verifier key: .+");
    }

    private static Mutations.Strictness<Ed25519NoteSigner> signer() {
        return Mutations.parser(b -> NoteKeys.parseSignerKey(new String(b, StandardCharsets.UTF_8)),
                Ed25519NoteSigner::signerKey, TlogException.class, "signer key: .+");
    }

    private static int byteIndexOf(byte[] bytes, char c, int from) {
        return new String(bytes, StandardCharsets.ISO_8859_1).indexOf(c, from);
    }

    /** Mutants that only change the case of a hex letter in the 8-digit key ID starting at {@code idStart}. */
    private static Predicate<Mutant> keyIdCase(byte[] valid, int idStart) {
        return m -> {
            int i = m.position();
            byte changed = m.bytes()[i];
            return i >= idStart && i < idStart + 8 && valid[i] >= 'a' && valid[i] <= 'f' && changed == valid[i] - 0x20;
        };
    }
}
