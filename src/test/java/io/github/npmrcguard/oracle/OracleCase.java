package io.github.npmrcguard.oracle;

import io.github.npmrcguard.testsupport.PackageManagers.Client;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One generated config case: a file (its text holds {@link #PORT} where the loopback registry's port goes), the
 * environment the clients run with, which package is requested, and what of the text is secret.
 *
 * @param id       its number in the generated list
 * @param fileName {@code .npmrc}, {@code .yarnrc}, {@code .yarnrc.yml} or {@code bunfig.toml}
 * @param text     the file's text, {@link #PORT} standing for the registry's port
 * @param env      the variables set for the clients (a variable not here is unset)
 * @param scoped   whether the request is for a scoped package ({@code @sc/…})
 * @param literals the committed secrets in the text, in every form a client could send (raw, decoded)
 * @param standIns the stand-ins in the text (words, not secrets)
 * @param plain    text a client may send that is neither secret nor placeholder (a user name)
 * @param tags     what the grammar chose, e.g. {@code key=scheme-https}, {@code value=nested}, {@code line=u2028}
 */
public record OracleCase(
        int id,
        String fileName,
        String text,
        Map<String, String> env,
        boolean scoped,
        List<String> literals,
        List<String> standIns,
        List<String> plain,
        Set<String> tags) {

    /** Stands for the loopback registry's port in {@link #text}. */
    public static final String PORT = "@PORT@";

    /** The text with the registry's port put in. */
    public String text(int port) {
        return text.replace(PORT, Integer.toString(port));
    }

    /** Whether the file commits a secret (a stand-in is not one). */
    public boolean hasLiteral() {
        return !literals.isEmpty();
    }

    /** The clients that read this kind of file. */
    public List<Client> clients() {
        return switch (fileName) {
            case ".npmrc" -> List.of(Client.NPM, Client.PNPM_9, Client.PNPM_10, Client.YARN_1, Client.BUN);
            case ".yarnrc" -> List.of(Client.YARN_1);
            case ".yarnrc.yml" -> List.of(Client.YARN_4);
            case "bunfig.toml" -> List.of(Client.BUN);
            default -> throw new IllegalStateException(fileName);
        };
    }

    /** The package the client is asked about, unique per case and client so that requests can be told apart. */
    public String packageName(Client client) {
        return packageName(client.name().toLowerCase(java.util.Locale.ROOT).replace("_", ""));
    }

    /** The package asked for by a runner tagged {@code tag} (lower-case letters and digits). */
    public String packageName(String tag) {
        String name = "o" + id + "x" + tag;
        return scoped ? "@sc/" + name : name;
    }

    /**
     * The text with every secret, stand-in and variable value replaced by a marker: safe to print.
     */
    public String elided() {
        String t = text;
        for (String l : literals) {
            if (l.length() >= 4) {
                t = t.replace(l, "<literal>");
            }
        }
        for (String v : env.values()) {
            if (v.length() >= 4) {
                t = t.replace(v, "<env>");
            }
        }
        return t.replace("\r", "\\r")
                .replace("\n", "\\n")
                .replace("\u2028", "\\u2028")
                .replace("\u2029", "\\u2029")
                .replace("\uFEFF", "\\uFEFF");
    }

    @Override
    public String toString() {
        return "case " + id + " " + fileName + " " + tags;
    }
}
