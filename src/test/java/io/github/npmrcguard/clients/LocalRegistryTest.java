package io.github.npmrcguard.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.testsupport.LocalRegistry;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's own contract: auth, recording, secrets kept out of files, and a clean stop. */
class LocalRegistryTest {

    @Test
    void recordsHowEachRequestWasAuthenticatedAndStopsItsWholeTree(@TempDir Path tmp) throws Exception {
        LocalRegistry registry = LocalRegistry.start(tmp.resolve("registry"));
        ProcessHandle verdaccio;
        List<ProcessHandle> children;
        try {
            verdaccio = registry.processHandle();
            children = verdaccio.descendants().toList();
            assertTrue(registry.isAlive());
            assertTrue(registry.url().matches("http://127\\.0\\.0\\.1:\\d+/"), registry.url());
            assertEquals("//127.0.0.1:" + registry.port() + "/", registry.nerfDart());
            assertFalse(registry.toString().contains(registry.token()), "toString names the token by fingerprint");

            int before = registry.requests().size();
            assertEquals(200, registry.get("@acme%2fprivate-lib", true));
            assertEquals(401, registry.get("@acme%2fprivate-lib", false));
            List<LocalRegistry.Request> seen = registry.requests().subList(before, before + 2);
            assertTrue(seen.get(0).bearer(registry.token()) && seen.get(0).status() == 200, seen.toString());
            assertTrue(seen.get(1).anonymous() && seen.get(1).status() == 401, seen.toString());
            assertTrue(seen.get(0).isFor(LocalRegistry.PACKAGE));
            assertFalse(seen.toString().contains(registry.token()), "a recorded request shows no credential");

            // The password and the token live in the registry's memory and the test's, not in its files.
            assertEquals(List.of(), registry.secrets().filesHoldingAny(tmp, Set.of()));
        } finally {
            registry.close();
        }

        assertFalse(verdaccio.isAlive(), "verdaccio ended");
        assertTrue(children.stream().noneMatch(ProcessHandle::isAlive), "its children ended");
        assertThrows(
                ConnectException.class,
                () -> new Socket(InetAddress.getLoopbackAddress(), registry.port()).close(),
                "nothing listens on the registry's port any more");
        registry.close(); // idempotent
    }
}
