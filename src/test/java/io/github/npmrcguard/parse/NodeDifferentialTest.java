package io.github.npmrcguard.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares the parsers with the real thing: {@link NpmIniParser} with the {@code ini} package that npm
 * bundles, on a few hundred files generated from a fixed seed, and {@link TextDecoder} with node's
 * {@code Buffer.toString('utf8')} on random bytes. Needs node and npm on the PATH; fails without them.
 */
class NodeDifferentialTest {

    @TempDir
    Path work;

    // Pools the generator draws from. Section names never equal a key (ini would then index a string or an
    // array, which IniObjectModel does not model), and no key is the first part of a dotted section name.
    private static final String[] KEYS = {
        "registry",
        "//reg.example/:_authToken",
        "//h:4873:_authToken",
        "@acme:registry",
        "_auth",
        "//reg.example/path/:_password",
        "q.r",
        "x\\.y",
        "\"quoted key\"",
        "'single key'",
        "\"//q/:_authToken\"",
        "arr[]",
        "list[]",
        "\"qa[]\"",
        "k;c",
        "k#c",
        "k\\;e",
        "k\\#e",
        " spaced key ",
        "arr",
        "\t tabbed",
        "__proto__",
        "'__proto__'",
        "'7'",
        "'[1,2]'",
        "'{\"o\":1}'",
        "'true'",
        "ü-key",
        "\uFEFFbom-key",
        "true",
        "[notsec",
        "[sec]]",
        "a\\b",
        "\u00A0nbsp\u3000",
        "tr\\",
        "k\u2028ls",
        "'\"json key\"'",
        "\"bad\"key\"",
        "e\u0301",
    };
    private static final String[] VALUES = {
        "abc",
        "TOK",
        "${NPM_TOKEN}",
        "\\${X}",
        "\\\\${X}",
        "a=b==",
        "dTpw==",
        "TO#K",
        "TO;K",
        "TO\\#K",
        "TO\\;K",
        "TO\\\\#K",
        "a\\b",
        "trailing\\",
        "\\",
        "\"quoted\"",
        "\"\\u0054OK\"",
        "\"TO#K\"",
        "\"a;b\"",
        "'single'",
        "'\"json\"'",
        "'123'",
        "'1.50'",
        "'1e400'",
        "'-0'",
        "'0.1'",
        "'1e21'",
        "'123456789012345678901234'",
        "'5e-7'",
        "'[1,\"a\",null,[2,[3]]]'",
        "'{\"x\":\"y\"}'",
        "'true'",
        "'null'",
        "\"bad\"json\"",
        "\"unterminated",
        "'",
        "\"",
        "''",
        "\"\"",
        "true",
        "false",
        "null",
        "",
        " ",
        "  padded  ",
        "\u00A0nbsp\u00A0",
        "\u3000ideo",
        "ünïcödé",
        "emoji \uD83D\uDE00",
        "a\u2028b",
        "x\u2029",
        "\"\\uD800\"",
        "\"a\\u0000b\"",
        "\"\\/\\b\\f\\n\\r\\t\"",
        "\"\\x41\"",
        "'it''s'",
        "\"TOK\" ; comment",
        "'TOK' # c",
        "v ; c",
        "v # c",
        "v;c",
        "\"a\" \"b\"",
        " \"padded quotes\" ",
        "=",
        "==x",
        "[not-section]",
        "\uFEFFbom-val",
        "\u0085nel\u0085",
        "\u180Emvs",
        "\u200Bzwsp",
        "tab\tinside",
        "\"tab\tinside\"",
        "'{\"n\":{\"m\":[1]}}'",
    };
    private static final String[] SECTIONS = {
        "sec",
        "a.b",
        "deep.er.sect",
        "x\\.z",
        " spaced ",
        "__proto__",
        "\"quoted sec\"",
        "'2.5'",
        "",
        "s;c",
        "'[\"arr sec\"]'",
        "\uFEFFsec",
    };
    private static final String[] BREAKS = {"\n", "\r\n", "\r", "\n\n", "\r\r\n", "\n\r"};

    @Test
    void npmIniParserAgreesWithNpmsBundledIniOnGeneratedFiles() throws Exception {
        Random random = new Random(20240611L);
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            files.add(generateFile(random));
        }
        assertAgreesWithIni(files);
    }

    @Test
    void npmIniParserAgreesWithNpmsBundledIniOnEveryPoolEntryAlone() throws Exception {
        // Each key and value on its own, so every pool entry is compared without interference.
        List<String> files = new ArrayList<>();
        for (String key : KEYS) {
            files.add(key + "=v");
            files.add(key);
        }
        for (String value : VALUES) {
            files.add("key=" + value);
            files.add("//reg.example/:_authToken = " + value + "\n");
        }
        for (String section : SECTIONS) {
            files.add("[" + section + "]\nin=1\n[" + section + "]  \nalso=2");
        }
        files.add("");
        files.add("\uFEFF[sec]\nk=v");
        files.add("=only");
        files.add("k=null\nk.z=null"); // nesting a dotted key under null makes ini throw
        assertAgreesWithIni(files);
    }

    @Test
    void textDecoderAgreesWithNodesUtf8DecodingOnRandomBytes() throws Exception {
        Random random = new Random(77L);
        byte[][] fragments = {
            {(byte) 0xC3, (byte) 0xA9},
            {(byte) 0xE2, (byte) 0x82, (byte) 0xAC},
            {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80},
            {(byte) 0xE9},
            {(byte) 0xC0, (byte) 0x80},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xE0, (byte) 0x80},
            {(byte) 0xF0, (byte) 0x9F},
            {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            {(byte) 0x80},
            {(byte) 0xFF},
            {'a'},
            {'\n'},
        };
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int parts = 1 + random.nextInt(8);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            for (int j = 0; j < parts; j++) {
                if (random.nextInt(3) == 0) {
                    bytes.write(1 + random.nextInt(255)); // any non-NUL byte
                } else {
                    bytes.writeBytes(fragments[random.nextInt(fragments.length)]);
                }
            }
            byte[] candidate = bytes.toByteArray();
            // The decoder treats a leading EF BB BF as a BOM (node keeps it); compare without that case.
            if (candidate.length >= 3 && (candidate[0] & 0xFF) == 0xEF && (candidate[1] & 0xFF) == 0xBB) {
                continue;
            }
            inputs.add(candidate);
        }
        List<String> cases = new ArrayList<>();
        for (byte[] input : inputs) {
            cases.add(NodeOracle.bytesToHex(input));
        }
        List<String> answers = new NodeOracle(work).answer(List.of("utf8"), cases);
        TextDecoder decoder = new TextDecoder();
        for (int i = 0; i < inputs.size(); i++) {
            String ours = NodeOracle.textToHex(decoder.decode(inputs.get(i)).text());
            assertEquals(answers.get(i), ours, "UTF-8 decoding of bytes " + cases.get(i));
        }
    }

    @Test
    void javaScriptNumberFormattingAgreesWithNode() throws Exception {
        // Single-quoted .npmrc values and yarn 1 numbers reach rules as String(number).
        Random random = new Random(5L);
        List<Double> numbers = new ArrayList<>(List.of(
                0.1,
                1.5,
                1e21,
                1e20,
                123456789012345680000.0,
                5e-7,
                1e-6,
                0.000001234,
                -0.0,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                4.35,
                0.3,
                2.0 / 3,
                1e15,
                123e15,
                Double.MIN_VALUE,
                Double.MAX_VALUE,
                9007199254740993.0,
                1.7976931348623157e308,
                5e-324,
                2.82879384806159e17));
        for (int i = 0; i < 300; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            numbers.add(Double.isNaN(d) ? random.nextDouble() : d);
            numbers.add((double) random.nextInt(1_000_000) / Math.pow(10, random.nextInt(12)));
            numbers.add(random.nextDouble() * Math.pow(10, random.nextInt(60) - 30));
        }
        List<String> cases = new ArrayList<>();
        for (double d : numbers) {
            cases.add(String.format("%016x", Double.doubleToRawLongBits(d)));
        }
        List<String> answers = new NodeOracle(work).answer(List.of("number"), cases);
        for (int i = 0; i < numbers.size(); i++) {
            assertEquals(answers.get(i), Js.numberToString(numbers.get(i)), "String() of the double " + cases.get(i));
        }
    }

    private void assertAgreesWithIni(List<String> files) throws Exception {
        NodeOracle oracle = new NodeOracle(work);
        Path ini = oracle.npmBundledIni();
        List<String> cases = new ArrayList<>();
        for (String file : files) {
            cases.add(NodeOracle.textToHex(file));
        }
        List<String> answers = oracle.answer(List.of("ini", ini.toString()), cases);
        NpmIniParser parser = new NpmIniParser();
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String expected = IniObjectModel.sorted(answers.get(i));
            String actual = IniObjectModel.decodeAndFlatten(parser.parseLines(files.get(i)));
            if (!expected.equals(actual)) {
                mismatches.add("case " + i + " " + escape(files.get(i)) + "\n  ini:  " + readable(expected)
                        + "\n  ours: " + readable(actual));
            }
        }
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " of " + files.size() + " files decode differently from npm's ini:\n"
                    + String.join("\n", mismatches.subList(0, Math.min(8, mismatches.size()))));
        }
    }

    private static String generateFile(Random random) {
        StringBuilder file = new StringBuilder();
        if (random.nextInt(8) == 0) {
            file.append('\uFEFF');
        }
        int lines = 1 + random.nextInt(12);
        String lineBreak = BREAKS[random.nextInt(BREAKS.length)];
        for (int i = 0; i < lines; i++) {
            file.append(generateLine(random));
            // Usually one style per file, sometimes mixed.
            file.append(random.nextInt(6) == 0 ? BREAKS[random.nextInt(BREAKS.length)] : lineBreak);
        }
        if (random.nextBoolean()) {
            file.setLength(file.length() - 1); // sometimes no final line break (or half of a CRLF)
        }
        return file.toString();
    }

    private static String generateLine(Random random) {
        String key = pick(random, KEYS);
        String value = pick(random, VALUES);
        switch (random.nextInt(16)) {
            case 0:
                return "# comment " + key + "=" + value;
            case 1:
                return "  ; comment";
            case 2:
                return "[" + pick(random, SECTIONS) + "]" + (random.nextBoolean() ? "" : " \t");
            case 3:
                return key;
            case 4:
                return " \t ";
            case 5:
                return key + " = " + value;
            case 6:
                return key + "\t=\t" + value + "  ";
            case 7:
                return "=" + value;
            case 8:
                return "  [" + pick(random, SECTIONS) + "]";
            case 9:
                return key + "=" + value + (random.nextBoolean() ? " ; trailing" : " # trailing");
            case 10:
                return pick(random, KEYS) + "=" + pick(random, VALUES) + "=" + pick(random, VALUES);
            default:
                return key + "=" + value;
        }
    }

    private static String pick(Random random, String[] pool) {
        return pool[random.nextInt(pool.length)];
    }

    /** The file with control and non-ASCII chars escaped, for a readable failure message. */
    private static String escape(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c >= 0x20 && c < 0x7F && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append('"').toString();
    }

    /** The oracle's hex entries turned back into text. */
    private static String readable(String flattened) {
        if (flattened.isEmpty() || flattened.equals(IniObjectModel.ERROR)) {
            return flattened.isEmpty() ? "(nothing)" : flattened;
        }
        StringBuilder out = new StringBuilder();
        for (String entry : flattened.split("\\|")) {
            String[] fields = entry.split(" ", -1);
            StringBuilder path = new StringBuilder();
            for (String segment : fields[0].split("\\.", -1)) {
                path.append(path.length() == 0 ? "" : ".").append(escape(unhex(segment)));
            }
            out.append(path)
                    .append('[')
                    .append(fields[1])
                    .append("] ")
                    .append(fields[2])
                    .append(' ')
                    .append(escape(unhex(fields[3])))
                    .append("; ");
        }
        return out.toString();
    }

    private static String unhex(String hex) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i + 4 <= hex.length(); i += 4) {
            out.append((char) Integer.parseInt(hex.substring(i, i + 4), 16));
        }
        return out.toString();
    }
}
