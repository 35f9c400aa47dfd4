package io.github.npmrcguard.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Both directions of the stand-in decision: generated random secrets of many shapes are never stand-ins,
 * and stand-ins of every kind seen in real files always are. Prints the two rates.
 */
class StandInsTest {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @Test
    void randomSecretsAreNeverStandIns() {
        Random random = new Random(2026);
        TestTokens tokens = new TestTokens(2026);
        List<Supplier<String>> shapes = List.of(
                () -> chars(random, BASE62, 8 + random.nextInt(57)),
                () -> chars(random, "abcdefghijklmnopqrstuvwxyz0123456789", 10 + random.nextInt(31)),
                () -> chars(random, "0123456789abcdef", List.of(32, 40, 64).get(random.nextInt(3))),
                () -> chars(random, "0123456789ABCDEF", 32),
                () -> uuidV4(random),
                () -> Base64.getEncoder().encodeToString(bytes(random, 16 + random.nextInt(33))),
                () -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(random, 16 + random.nextInt(33))),
                () -> chars(random, printable(), 8 + random.nextInt(5)),
                () -> chars(random, "abcdefghijklmnopqrstuvwxyz234567", 52),
                () -> chars(random, "0123456789", 8 + random.nextInt(5)),
                () -> TestTokens.base64("ci-bot:" + chars(random, printable(), 10 + random.nextInt(10))),
                () -> List.of(
                                tokens.npm(),
                                tokens.githubClassic(),
                                tokens.githubFineGrained(),
                                tokens.gitlab(),
                                tokens.jfrogApiKey(),
                                tokens.jfrogReference(),
                                tokens.jwt())
                        .get(random.nextInt(7)));
        int total = 0;
        List<String> standIns = new ArrayList<>();
        for (int round = 0; round < 40; round++) {
            for (int shape = 0; shape < shapes.size(); shape++) {
                String secret = shapes.get(shape).get();
                total++;
                String why = StandIns.reason(secret);
                if (why != null) {
                    // The shape and the reason only: the value is a secret as far as the test knows.
                    standIns.add("shape " + shape + ": " + why);
                }
            }
        }
        for (String weak : List.of("hT9$kq2L", "d7a1c0e2-7b5e-4c1a-9f3e-2b8c9d0e1f2a", "s3cr3tP4ss", "Xq7!mZ2p")) {
            total++;
            if (StandIns.reason(weak) != null) {
                standIns.add(weak + ": " + StandIns.reason(weak));
            }
        }
        System.out.printf(
                "stand-ins: %d of %d random secrets called a stand-in (%.4f)%n",
                standIns.size(), total, standIns.size() / (double) total);
        assertEquals(List.of(), standIns);
    }

    @Test
    void everyKindOfStandInIsOne() {
        List<String> standIns = new ArrayList<>(List.of(
                // variable names and identifiers
                "ACME_READ_TOKEN",
                "NPM_TOKEN",
                "NODE_AUTH_TOKEN",
                "GITHUB_PACKAGES_TOKEN",
                "INITECH_NPM_TOKEN",
                "CONTOSO_FEED_PAT",
                "ARTIFACTORY_API_KEY",
                "npmAuthToken",
                "artifactoryApiKey",
                "NPMTOKEN",
                "npm_token",
                "TOKEN",
                "authToken",
                // instructions
                "YOUR_TEAM_PAT",
                "PASTE_TOKEN_HERE",
                "your-token-here",
                "insert-your-token",
                "put_your_auth_token_here",
                "REPLACE_ME",
                "changeme",
                "ENTER_YOUR_PASSWORD_HERE",
                "yourAuthTokenHere",
                "my-npm-token",
                // set-up pages
                "<YOUR_TOKEN>",
                "[BASE64_ENCODED_PERSONAL_ACCESS_TOKEN]",
                "[ENTER_ANY_VALUE_BUT_NOT_AN_EMPTY_STRING]",
                "<BASE64_PASSWORD>",
                "<artifactory-api-token>",
                "{YOUR_TOKEN}",
                // templates of other tools
                "@npm.token@",
                "@@NPM_TOKEN@@",
                "$(cat ~/.npm-token)",
                "$(gcloud auth print-access-token)",
                "`cat token.txt`",
                "process.env.NPM_TOKEN",
                "${process.env.NPM_TOKEN}",
                "{{ npm_token }}",
                "{{NPM_TOKEN}}",
                "<%= ENV['NPM_TOKEN'] %>",
                "#{NpmToken}#",
                "#{npm.token}",
                "__NPM_TOKEN__",
                // example words
                "example",
                "placeholder",
                "dummy",
                "secret",
                "password",
                "redacted",
                "test-token",
                "sample_token",
                "none",
                "null",
                "true",
                "username:password",
                "admin:admin123",
                "abc123",
                "token123",
                // repeated, sequential, low entropy
                "xxxx",
                "XXXXXXXXXXXXXXXX",
                "abcdef123456",
                "1234567890",
                "0123456789abcdef",
                "************",
                "abcabcabc",
                "xxxx-xxxx-xxxx-xxxx",
                "aaaaaaaaaaaaaaab",
                "....",
                // nil and example UUIDs
                "00000000-0000-0000-0000-000000000000",
                "12345678-1234-1234-1234-123456789012",
                "11111111-2222-3333-4444-555555555555",
                "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
                "01234567-89ab-cdef-0123-456789abcdef",
                "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
                "00000000-0000-0000-0000-000000000001",
                // a vendor prefix followed by a stand-in
                "npm_xxxxxxxx",
                "npm_<YOUR_TOKEN>",
                "ghp_YOUR_TOKEN_HERE",
                // seen in public repositories' config and set-up notes
                "PASSWORD",
                "[BASE64_ENCODED_TOKEN]",
                "<BASE64_ENCODE_PERSONAL_ACCESS_TOKEN>",
                "<corp-email-address>",
                "$(printf '%s' \"$NEXUS_PASSWORD\" | base64 | tr -d '\\n')",
                "YOUR_GRANULAR_TOKEN",
                "YOUR_GITHUB_PAT",
                "NPM_GH_PACKAGES",
                "garbage",
                "\"fake==\"",
                "CI_GCP_NPM_TOKEN",
                "AAAbbbCCCdddEEEfffGGGhhhIIIjjj111222333444555666777=",
                "@TOKEN",
                "@EXAMPLE_TOKEN",
                "@npmToken@",
                "@@NPMTOKEN@@",
                "dGVzdA=="));
        // Token-shaped ones are made here, never committed.
        standIns.add("npm" + "_" + "x".repeat(36));
        standIns.add("gh" + "p_" + "X".repeat(36));
        standIns.add("AK" + "Cp" + "x".repeat(69));
        standIns.add("gl" + "pat-" + "x".repeat(20));
        standIns.add(TestTokens.base64("ci-bot:" + "gh" + "p_" + "X".repeat(36)));
        // Documentation pairs and stand-ins hidden in base64, as _auth and _password hold them.
        for (String plain : List.of(
                "username:password",
                "user:pass",
                "admin:admin123",
                "USERNAME:PASSWORD",
                "your-token",
                "[BASE64_ENCODED_PERSONAL_ACCESS_TOKEN]",
                "ci-bot:changeme",
                "me:${NPM_PASS}")) {
            standIns.add(Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8)));
        }
        List<String> missed = new ArrayList<>();
        for (String s : standIns) {
            if (StandIns.reason(s) == null) {
                missed.add(s);
            }
        }
        System.out.printf(
                "stand-ins: %d of %d stand-ins recognised (%.4f)%n",
                standIns.size() - missed.size(),
                standIns.size(),
                (standIns.size() - missed.size()) / (double) standIns.size());
        assertEquals(List.of(), missed);
    }

    @ParameterizedTest(name = "[{0}]: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ACME_READ_TOKEN|" + StandIns.VARIABLE,
                "YOUR_TEAM_PAT|" + StandIns.INSTRUCTION,
                "PASTE_TOKEN_HERE|" + StandIns.INSTRUCTION,
                "[BASE64_ENCODED_PERSONAL_ACCESS_TOKEN]|" + StandIns.BRACKETS,
                "@@NPM_TOKEN@@|a template of another tool: Maven filtering",
                "$(cat ~/.npm-token)|a template of another tool: shell command substitution",
                "dXNlcm5hbWU6cGFzc3dvcmQ=|" + StandIns.DECODED_PAIR,
                "00000000-0000-0000-0000-000000000000|" + StandIns.UUID,
                "abcdef123456|" + StandIns.REPEATED,
                "npm_xxxxxxxx|" + StandIns.PREFIX,
                "example|" + StandIns.WORDS,
            })
    void saysWhy(String value, String why) {
        assertEquals(why, StandIns.reason(value));
    }

    @Test
    void aTokenPrefixFollowedByXsIsNoTokenToTheSearch() {
        String v = "npm" + "_" + "x".repeat(36);
        assertTrue(TokenCatalogue.get().find("//r.example/:_authToken=" + v).isEmpty());
        assertNotNull(TokenCatalogue.get().whole(new TestTokens(1).npm()));
    }

    private static String printable() {
        StringBuilder s = new StringBuilder();
        for (char c = 33; c < 127; c++) {
            if (c != '"' && c != '\'' && c != '\\') {
                s.append(c);
            }
        }
        return s.toString();
    }

    private static String chars(Random random, String alphabet, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String uuidV4(Random random) {
        String hex = chars(random, "0123456789abcdef", 32);
        hex = hex.substring(0, 12) + "4" + hex.substring(13, 16) + "89ab".charAt(random.nextInt(4)) + hex.substring(17);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }
}
