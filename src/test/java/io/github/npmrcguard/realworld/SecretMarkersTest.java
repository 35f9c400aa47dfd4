package io.github.npmrcguard.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.secrets.Base62Checksum;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretMarkersTest {

    @Test
    void expandsEachMarkerIntoAValueOfItsShape() {
        SecretMarkers.Expanded x = new SecretMarkers(1)
                .expand(
                        "a={{SECRET:npm}}\nb={{SECRET:UUID}}\nc={{SECRET:alnum20}}\nd={{SECRET:b64x16}}\ne={{SECRET:b64auth}}\n");
        String[] lines = x.text().split("\n");
        String npm = lines[0].substring(2);
        assertTrue(npm.matches("npm_[A-Za-z0-9]{36}"), "npm shape");
        assertTrue(Base62Checksum.valid(npm.substring(4)), "npm checksum");
        assertTrue(lines[1].substring(2).matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}"));
        assertTrue(lines[2].substring(2).matches("[A-Za-z0-9]{20}"));
        assertEquals(16, Base64.getDecoder().decode(lines[3].substring(2)).length);
        String auth = new String(Base64.getDecoder().decode(lines[4].substring(2)), StandardCharsets.UTF_8);
        assertTrue(auth.matches("[a-z0-9-]+:[A-Za-z0-9]{20}"), "user:password");
        assertEquals(5, x.secrets().size());
    }

    @Test
    void aNumberedMarkerRepeatsItsValueAndAPlainOneDoesNot() {
        SecretMarkers.Expanded x =
                new SecretMarkers(2).expand("{{SECRET:uuid#1}} {{SECRET:uuid#1}} {{SECRET:uuid}} {{SECRET:uuid}}");
        String[] v = x.text().split(" ");
        assertTrue(v[0].equals(v[1]), "a numbered marker repeats its value");
        assertTrue(!v[2].equals(v[3]), "a plain marker is a new value each time");
        assertEquals(3, x.secrets().size());
    }

    @Test
    void anUnknownKindIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> new SecretMarkers(3).expand("{{SECRET:nosuchkind}}"));
    }
}
