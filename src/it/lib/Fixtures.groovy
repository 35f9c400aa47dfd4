// Shared by the ITs' prebuild and verify scripts. Token-shaped fixture values are made here, when the
// test runs, from a seed: none is committed (the plugin scans this repository too).
import java.nio.charset.StandardCharsets
import java.security.MessageDigest
import java.util.zip.CRC32

class Fixtures {
    static final String BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

    /** An npm_ token with a valid CRC32 checksum, the same for the same seed. */
    static String npmToken(long seed) {
        def random = new Random(seed)
        def body = new StringBuilder()
        30.times { body.append(BASE62.charAt(random.nextInt(62))) }
        def crc = new CRC32()
        crc.update(body.toString().getBytes(StandardCharsets.US_ASCII))
        long value = crc.value
        char[] sum = new char[6]
        for (int i = 5; i >= 0; i--) { sum[i] = BASE62.charAt((int) (value % 62)); value = value.intdiv(62) }
        return 'npm' + '_' + body + new String(sum)
    }

    /** A random value with no known token shape (a Nexus or Verdaccio token, say). */
    static String opaqueToken(long seed) {
        def random = new Random(seed)
        def s = new StringBuilder()
        40.times { s.append(BASE62.charAt(random.nextInt(62))) }
        return s.toString()
    }

    /** The fingerprint the plugin prints: first 8 hex digits of SHA-256. */
    static String fingerprint(String secret) {
        MessageDigest.getInstance('SHA-256').digest(secret.getBytes(StandardCharsets.UTF_8))
                .encodeHex().toString().substring(0, 8)
    }

    static void write(File dir, String path, String text) {
        def f = new File(dir, path)
        f.parentFile.mkdirs()
        f.setText(text, 'UTF-8')
    }

    /** Runs git in dir and fails with its output when it fails. */
    static String git(File dir, String... args) {
        def cmd = ['git', '-c', 'user.name=it', '-c', 'user.email=it@example.invalid', '-c', 'init.defaultBranch=main'] + args.toList()
        def p = new ProcessBuilder(cmd).directory(dir).redirectErrorStream(true).start()
        def out = p.inputStream.getText('UTF-8')
        assert p.waitFor() == 0: "git ${args.join(' ')} failed: ${out}"
        return out
    }

    /** Asserts that no 8-character window of the secret appears in the text. */
    static void assertNoSecret(String text, String secret, String where) {
        for (int i = 0; i + 8 <= secret.length(); i++) {
            def window = secret.substring(i, i + 8)
            assert !text.contains(window): "a fragment of the secret appears in ${where}"
        }
    }
}
