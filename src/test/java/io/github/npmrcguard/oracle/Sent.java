package io.github.npmrcguard.oracle;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** What a client sent for a case, worst first in {@link #ordinal()} reverse: the truth the plugin is held to. */
public enum Sent {
    /** No request, or requests without credentials. */
    NONE,
    /** Only values from the environment (and plain text such as the user name). */
    ENV,
    /** Text of the file that is neither a secret nor a stand-in, sent as typed: placeholder text, quotes. */
    TYPED,
    /** A stand-in from the file. */
    STAND_IN,
    /** A committed secret from the file, or part of one. */
    LITERAL;

    /** The worst of what the requests carried. */
    public static Sent of(OracleCase c, List<RecordingRegistry.Request> requests) {
        Sent worst = NONE;
        for (RecordingRegistry.Request r : requests) {
            Sent s = ofHeader(c, r.authorization());
            if (s.ordinal() > worst.ordinal()) {
                worst = s;
            }
        }
        return worst;
    }

    static Sent ofHeader(OracleCase c, String header) {
        if (header == null) {
            return NONE;
        }
        String h = header.strip();
        String value = h;
        int sp = h.indexOf(' ');
        String scheme = sp < 0 ? h : h.substring(0, sp);
        if (sp >= 0) {
            value = h.substring(sp + 1);
        } else if (scheme.equalsIgnoreCase("Bearer") || scheme.equalsIgnoreCase("Basic")) {
            value = "";
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            String decoded = decode(value.strip());
            if (decoded != null) {
                value = decoded;
            }
        }
        for (String v : c.env().values()) {
            if (!v.isEmpty()) {
                value = value.replace(v, "\u0000");
                String d = decode(v);
                if (d != null && d.length() >= 4) {
                    value = value.replace(d, "\u0000");
                }
            }
        }
        boolean fromEnv = value.indexOf('\u0000') >= 0;
        for (String l : c.literals()) {
            if (sharesRun(value, l)) {
                return LITERAL;
            }
        }
        for (String s : c.standIns()) {
            if (value.contains(s)) {
                return STAND_IN;
            }
        }
        String rest = value.replace("\u0000", "");
        for (String p : c.plain()) {
            rest = rest.replace(p, "");
        }
        rest = rest.replace(":", "").strip();
        if (!rest.isEmpty()) {
            return TYPED;
        }
        return fromEnv ? ENV : NONE;
    }

    /** Whether {@code sent} holds a run of 8 characters (or the whole literal, if shorter) of {@code literal}. */
    static boolean sharesRun(String sent, String literal) {
        int k = Math.min(8, literal.length());
        for (int i = 0; i + k <= sent.length(); i++) {
            if (literal.contains(sent.substring(i, i + k))) {
                return true;
            }
        }
        return false;
    }

    private static String decode(String b64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(b64);
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return null;
        }
    }
}
