package dev.sumlog.tlog.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.tlog.TlogException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Vectors from golang.org/x/mod/sumdb/note (note_test.go) and the C2SP signed-note example. */
class NoteTest {

    static final String PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_SIG = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String ENOCH_SIG = "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    final NoteVerifier peter = NoteKeys.parseVerifierKey(PETER_VKEY);
    final NoteVerifier enoch = NoteKeys.parseVerifierKey(ENOCH_VKEY);

    @Test
    void signingIsByteExact() {
        Ed25519NoteSigner signer = NoteKeys.parseSignerKey(PETER_SKEY);
        assertThat(signer.verifier().verifierKey()).isEqualTo(PETER_VKEY);
        assertThat(signer.signerKey()).isEqualTo(PETER_SKEY);
        assertThat(Note.sign(TEXT, signer).format()).isEqualTo(TEXT + "\n" + PETER_SIG);
    }

    @Test
    void verifiesKnownAndIgnoresUnknownKeys() {
        Note note = Note.parse(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
        VerifiedNote onlyPeter = note.verify(NoteVerifiers.of(peter));
        assertThat(onlyPeter.text()).isEqualTo(TEXT);
        assertThat(onlyPeter.verified()).extracting(NoteSignature::name).containsExactly("PeterNeumann");
        assertThat(onlyPeter.unverified()).extracting(NoteSignature::name).containsExactly("EnochRoot");

        VerifiedNote both = note.verify(NoteVerifiers.of(peter, enoch));
        assertThat(both.verified()).hasSize(2);
        assertThat(both.unverified()).isEmpty();
        assertThat(note.format()).isEqualTo(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
    }

    @Test
    void c2spExample() {
        NoteVerifier v = NoteKeys.parseVerifierKey("example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k");
        Note note = Note.parse("This is an example message.\n\n\u2014 example.com/foo "
                + "Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n");
        assertThat(note.verify(NoteVerifiers.of(v)).text()).isEqualTo("This is an example message.\n");
    }

    @Test
    void rejectsNoteWithoutTrustedSignature() {
        Note note = Note.parse(TEXT + "\n" + PETER_SIG);
        assertThatThrownBy(() -> note.verify(NoteVerifiers.of()))
                .isInstanceOf(TlogException.class).hasMessageStartingWith("note: no verifiable signatures");
    }

    @Test
    void rejectsBadSignatureFromKnownKey() {
        String bad = PETER_SIG.substring(0, 58) + "ABCD" + PETER_SIG.substring(58);
        Note note = Note.parse(TEXT + "\n" + bad);
        assertThatThrownBy(() -> note.verify(NoteVerifiers.of(peter)))
                .hasMessage("note: invalid signature for key PeterNeumann+c74f20a3");
    }

    @Test
    void sameKeyTwiceIsAmbiguous() {
        Note note = Note.parse(TEXT + "\n" + PETER_SIG);
        assertThatThrownBy(() -> note.verify(NoteVerifiers.of(peter, peter)))
                .hasMessage("note: ambiguous key PeterNeumann+c74f20a3");
    }

    @Test
    void repeatedSignatureCountsOnce() {
        VerifiedNote note = Note.parse(TEXT + "\n" + PETER_SIG + PETER_SIG).verify(NoteVerifiers.of(peter));
        assertThat(note.verified()).hasSize(1);
    }

    @Test
    void atMost100Signatures() {
        assertThat(Note.parse(TEXT + "\n" + PETER_SIG.repeat(100)).signatures()).hasSize(100);
        assertThatThrownBy(() -> Note.parse(TEXT + "\n" + PETER_SIG.repeat(101)))
                .hasMessage("note: malformed: more than 100 signatures");
    }

    @Test
    void malformedNotes() {
        assertMalformed("no blank line", TEXT + PETER_SIG, "no blank line between text and signatures");
        assertMalformed("missing final newline", TEXT + "\n" + PETER_SIG.stripTrailing(), "signature block does not end");
        assertMalformed("leading \\x01", "\u0001" + TEXT + "\n" + PETER_SIG, "control character U+0001");
        assertMalformed("name with a space", TEXT + "\n\u2014 Peter Neumann x08go/ZJkuBS9UG/SffcvIAQx\n", "signature");
        assertMalformed("trailing non-signature line", TEXT + "\n" + PETER_SIG + "hello\n", "signature line 2 does not start");
        assertMalformed("no signatures", TEXT + "\n", "no signature lines");
        byte[] badUtf8 = ("\u00ff" + TEXT + "\n" + PETER_SIG).getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> Note.parse(badUtf8)).hasMessage("note: malformed: not valid UTF-8");
    }

    @Test
    void generatedKeysRoundTrip() {
        NoteKeys.KeyPairText keys = NoteKeys.generate("example.com/sumlog");
        Ed25519NoteSigner signer = NoteKeys.parseSignerKey(keys.signerKey());
        NoteVerifier verifier = NoteKeys.parseVerifierKey(keys.verifierKey());
        assertThat(keys.verifierKey()).startsWith("example.com/sumlog+");
        assertThat(verifier.keyId()).isEqualTo(signer.keyId());
        Note note = Note.sign("hello\n", signer);
        assertThat(Note.parse(note.bytes()).verify(NoteVerifiers.of(verifier)).text()).isEqualTo("hello\n");
    }

    @Test
    void keyStringsAreChecked() {
        assertThatThrownBy(() -> NoteKeys.parseVerifierKey("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .hasMessage("verifier key: key ID c74f20a4 does not match the key");
        assertThatThrownBy(() -> NoteKeys.parseVerifierKey("PeterNeumann+c74f20a3+A3pc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .hasMessage("verifier key: unknown key type 0x03");
        assertThatThrownBy(() -> NoteKeys.parseVerifierKey("PeterNeumann+c74f20a3"))
                .hasMessageStartingWith("verifier key: want");
        assertThatThrownBy(() -> NoteKeys.parseSignerKey("PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"))
                .hasMessage("signer key: key ID c74f20a4 does not match the key");
    }

    @Test
    void unknownKeyWithKnownNameIsIgnored() {
        NoteKeys.KeyPairText other = NoteKeys.generate("PeterNeumann");
        Note note = Note.sign(TEXT, NoteKeys.parseSignerKey(other.signerKey()), NoteKeys.parseSignerKey(PETER_SKEY));
        VerifiedNote verified = note.verify(NoteVerifiers.of(peter));
        assertThat(verified.verified()).hasSize(1);
        assertThat(verified.unverified()).hasSize(1);
    }

    private static void assertMalformed(String what, String note, String message) {
        assertThatThrownBy(() -> Note.parse(note)).as(what)
                .isInstanceOf(TlogException.class)
                .hasMessageStartingWith("note: malformed: ")
                .hasMessageContaining(message);
    }
}
