package org.festivalledger.transparency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** C2SP signed notes and tlog checkpoints, signed with the JDK's Ed25519. */
class SignedNoteTest {

    @TempDir
    Path directory;

    private final LogSigningKey key = LogSigningKey.generate("festival.example/ledger");

    @Test
    void aCheckpointIsOriginSizeAndBase64RootOnePerLine() {
        byte[] root = new byte[32];
        root[0] = 1;
        Checkpoint checkpoint = new Checkpoint("festival.example/ledger", 1847, root);
        assertThat(checkpoint.text()).isEqualTo("festival.example/ledger\n1847\n"
                + Base64.getEncoder().encodeToString(root) + "\n");
        assertThat(Checkpoint.parse(checkpoint.text())).isEqualTo(checkpoint);
        assertThatThrownBy(() -> Checkpoint.parse("festival.example/ledger\n01847\nAA==\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSignatureLineIsAnEmDashTheKeyNameAndBase64OfKeyIdAndSignature() {
        String note = SignedNote.sign("festival.example/ledger\n3\nAAAA\n", key);
        String[] lines = note.split("\n");
        assertThat(lines[3]).isEmpty();
        assertThat(lines[4]).startsWith("\u2014 festival.example/ledger ");
        byte[] signature = Base64.getDecoder().decode(lines[4].substring(lines[4].lastIndexOf(' ') + 1));
        assertThat(signature).hasSize(68);
        assertThat(Arrays.copyOf(signature, 4)).isEqualTo(expectedKeyId(key.verifierKey()));
    }

    @Test
    void theVerifierKeyIsNameKeyIdAndBase64OfAlgorithmAndPublicKey() {
        String text = key.verifierKey().toString();
        assertThat(text).matches("festival\\.example/ledger\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{44}");
        assertThat(Base64.getDecoder().decode(text.split("\\+", 3)[2])[0]).isEqualTo((byte) 1);
        assertThat(VerifierKey.parse(text)).isEqualTo(key.verifierKey());
        for (int i = 0; i < 50; i++) {
            // Base64 keys often hold '+', the field separator: only the first two '+' separate fields.
            VerifierKey any = LogSigningKey.generate("festival.example/ledger").verifierKey();
            assertThat(VerifierKey.parse(any.toString())).isEqualTo(any);
        }
        String wrongId = text.replaceFirst("\\+[0-9a-f]{8}\\+", "+00000000+");
        assertThatThrownBy(() -> VerifierKey.parse(wrongId)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNoteVerifiesWithItsKeyOnlyAndOnlyAsSigned() {
        String note = SignedNote.sign("festival.example/ledger\n3\nAAAA\n", key);
        assertThat(SignedNote.verify(note, key.verifierKey())).contains("festival.example/ledger\n3\nAAAA\n");
        assertThat(SignedNote.verify(note.replace("\n3\n", "\n4\n"), key.verifierKey())).isEmpty();
        assertThat(SignedNote.verify(note, LogSigningKey.generate("festival.example/ledger").verifierKey())).isEmpty();
        String cosigned = note + "\u2014 witness.example " + Base64.getEncoder().encodeToString(new byte[68]) + "\n";
        assertThat(SignedNote.verify(cosigned, key.verifierKey())).isPresent();
    }

    @Test
    void theKeyFileIsCreatedOnceReadableByItsOwnerOnlyAndReadBack() throws Exception {
        Path file = directory.resolve("keys/log-signing.key");
        LogSigningKey created = LogSigningKey.loadOrCreate(file, "festival.example/ledger");
        LogSigningKey again = LogSigningKey.loadOrCreate(file, "festival.example/ledger");
        assertThat(again.verifierKey()).isEqualTo(created.verifierKey());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(created.toString()).doesNotContain(Files.readAllLines(file).get(1).split(" ")[1]);
        // The same key under another origin is another verifier key: the name is part of the key id.
        assertThat(LogSigningKey.load(file, "other.example/log").verifierKey().toString())
                .startsWith("other.example/log+").isNotEqualTo(created.verifierKey().toString());
    }

    @Test
    void aGivenKeyFileIsInstalledOnceWithOwnerOnlyPermissionsAndNeverOverwritten() throws Exception {
        Path file = directory.resolve("data/log-signing.key");
        Path source = directory.resolve("source.key");
        LogSigningKey given = LogSigningKey.loadOrCreate(source, "festival.example/ledger");
        assertThat(LogSigningKey.installIfAbsent(file, Files.readAllBytes(source))).isTrue();
        assertThat(LogSigningKey.installIfAbsent(file, "anything".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(LogSigningKey.load(file, "festival.example/ledger").verifierKey()).isEqualTo(given.verifierKey());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    private static byte[] expectedKeyId(VerifierKey verifier) {
        String text = verifier.toString();
        byte[] algorithmAndKey = Base64.getDecoder().decode(text.split("\\+", 3)[2]);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(verifier.name().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(algorithmAndKey);
            byte[] id = Arrays.copyOf(sha256.digest(), 4);
            assertThat(HexFormat.of().formatHex(id)).isEqualTo(text.split("\\+")[1]);
            return id;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
