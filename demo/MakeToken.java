import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.zip.CRC32;

/**
 * Prints a fresh, random, never-issued npm-format token (valid CRC32 checksum) for the demo. Run with
 * {@code java demo/MakeToken.java}. Made at run time so that no token-shaped value is committed.
 */
public class MakeToken {
    public static void main(String[] args) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        SecureRandom random = new SecureRandom();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            body.append(alphabet.charAt(random.nextInt(62)));
        }
        CRC32 crc = new CRC32();
        crc.update(body.toString().getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] sum = new char[6];
        for (int i = 5; i >= 0; i--) {
            sum[i] = alphabet.charAt((int) (value % 62));
            value /= 62;
        }
        System.out.println("npm" + "_" + body + new String(sum));
    }
}
