package io.github.npmrcguard.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.files.FileKind;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Which parser reads which file, and that the YAML and TOML libraries load only when needed. */
class ParsersTest {

    @Test
    void eachKindHasItsParser() {
        assertInstanceOf(NpmrcParser.class, Parsers.forKind(FileKind.NPMRC));
        assertInstanceOf(YarnrcParser.class, Parsers.forKind(FileKind.YARNRC));
        assertInstanceOf(YarnrcYmlParser.class, Parsers.forKind(FileKind.YARNRC_YML));
        assertInstanceOf(BunfigTomlParser.class, Parsers.forKind(FileKind.BUNFIG_TOML));
        assertInstanceOf(PomParser.class, Parsers.forKind(FileKind.POM));
    }

    @Test
    void npmrcGetsTheTokenBunTakesFromARegistryLineJoinedByALoneCr() throws Exception {
        // bun ends a line only at LF: the registry URL runs on, and the last :_authToken= in it is sent.
        List<Setting> settings = Parsers.forKind(FileKind.NPMRC)
                .parse("registry=https://r.example/\r"
                        + "x=//h.example/:_authToken=${T}\r\n@s:registry=https://r.example/\r//r.example/:_auth=A\r\n");
        assertEquals(
                List.of(
                        "registry=https://r.example/ @1 ",
                        "x=//h.example/:_authToken=${T} @2 ",
                        "@s:registry=https://r.example/ @3 ",
                        "//r.example/:_auth=A @4 ",
                        "//h.example/:_authToken=${T} @2 bun"),
                settings.stream()
                        .map(s -> s.key() + "=" + s.value() + " @" + s.line() + " " + s.readBy())
                        .toList());
        assertEquals(
                2,
                Parsers.forKind(FileKind.NPMRC)
                        .parse("registry=https://r.example/\r\n" + "//r.example/:_authToken=${T}\r\n")
                        .size());
    }

    @Test
    void npmrcGetsTheAuthSettingsBunAloneReads() throws Exception {
        List<Setting> settings = Parsers.forKind(FileKind.NPMRC)
                .parse("registry=https://r.example/\n"
                        + "//r.example/:_authToken=A" + "\u2028\n"
                        + "//r.example/:_authToken=${T}\rB\u2028\n"
                        + "//r.example/:_authToken[]=C\u2029\nx=1\u2028\n//r.example/:_authToken=D\n");
        // bun refuses a credential holding a CR, ignores arrays, and reads only nerf-darted auth keys.
        assertEquals(
                List.of(
                        "registry=https://r.example/ @1 ",
                        "//r.example/:_authToken=${T} @3 ",
                        "B=true @4 ",
                        "//r.example/:_authToken=D @7 ",
                        "//r.example/:_authToken=A @2 bun"),
                settings.stream()
                        .map(s -> s.key() + "=" + s.value() + " @" + s.line() + " " + s.readBy())
                        .toList());
    }

    @Test
    void pomXmlIsAPomAndOtherXmlIsNot() {
        assertEquals(FileKind.POM, FileKind.ofFileName("pom.xml"));
        for (String name :
                List.of("Pom.xml", "dependency-reduced-pom.xml", ".flattened-pom.xml", "pom.xml.bak", "settings.xml")) {
            assertEquals(null, FileKind.ofFileName(name), name);
        }
        assertTrue(FileKind.GIT_PATHSPECS.contains("*pom.xml"));
    }

    @Test
    void parsersFoundByFileNameReadTheirFormat() throws ParseException {
        assertEquals(
                "_authToken",
                Parsers.forKind(FileKind.ofFileName(".npmrc.production"))
                        .parse("//h/:_authToken=TOK")
                        .get(0)
                        .name());
        assertEquals(
                "npmAuthToken",
                Parsers.forKind(FileKind.ofFileName(".yarnrc.yml"))
                        .parse("npmAuthToken: TOK")
                        .get(0)
                        .name());
        assertEquals(
                "token",
                Parsers.forKind(FileKind.ofFileName("bunfig.toml"))
                        .parse("[install.registry]\ntoken = \"TOK\"")
                        .get(0)
                        .name());
        assertEquals(
                "registry",
                Parsers.forKind(FileKind.ofFileName(".yarnrc"))
                        .parse("registry \"https://r.example/\"")
                        .get(0)
                        .name());
    }

    /** Loads this project's classes and the parser libraries itself, and records which it loaded. */
    private static final class RecordingLoader extends URLClassLoader {
        final Set<String> loaded = ConcurrentHashMap.newKeySet();

        RecordingLoader(URL... urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            Class<?> found = super.findClass(name);
            loaded.add(name);
            return found;
        }

        boolean loadedAny(String packagePrefix) {
            return loaded.stream().anyMatch(name -> name.startsWith(packagePrefix));
        }
    }

    private static URL codeSource(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    @Test
    void yamlAndTomlLibrariesAreLoadedOnlyWhenSuchAFileIsParsed() throws Exception {
        try (RecordingLoader loader = new RecordingLoader(
                codeSource(Parsers.class),
                codeSource(org.snakeyaml.engine.v2.api.LoadSettings.class),
                codeSource(org.tomlj.Toml.class),
                codeSource(org.antlr.v4.runtime.CharStreams.class))) {
            Class<?> parsers = loader.loadClass(Parsers.class.getName());
            Class<?> kinds = loader.loadClass(FileKind.class.getName());
            Method forKind = parsers.getMethod("forKind", kinds);
            Method parse = loader.loadClass(ConfigParser.class.getName()).getMethod("parse", String.class);
            Object[] kind = kinds.getEnumConstants();

            Object yaml = forKind.invoke(null, kind[FileKind.YARNRC_YML.ordinal()]);
            Object toml = forKind.invoke(null, kind[FileKind.BUNFIG_TOML.ordinal()]);
            parse.invoke(forKind.invoke(null, kind[FileKind.NPMRC.ordinal()]), "k=v");
            parse.invoke(forKind.invoke(null, kind[FileKind.YARNRC.ordinal()]), "k \"v\"");
            assertTrue(loader.loaded.contains(Parsers.class.getName()), "the test loader loads this project");
            assertFalse(loader.loadedAny("org.snakeyaml."), "snakeyaml loaded before any YAML was parsed");
            assertFalse(loader.loadedAny("org.tomlj."), "tomlj loaded before any TOML was parsed");

            assertEquals(1, ((List<?>) parse.invoke(yaml, "npmAuthToken: TOK")).size());
            assertTrue(loader.loadedAny("org.snakeyaml."));
            assertFalse(loader.loadedAny("org.tomlj."));

            assertEquals(1, ((List<?>) parse.invoke(toml, "token = \"TOK\"")).size());
            assertTrue(loader.loadedAny("org.tomlj."));
            assertFalse(loader.loaded.contains(PomParser.class.getName()), "the pom parser loaded before any pom");

            Object pom = forKind.invoke(null, kind[FileKind.POM.ordinal()]);
            assertTrue(loader.loaded.contains(PomParser.class.getName()));
            assertEquals(0, ((List<?>) parse.invoke(pom, "<project/>")).size());
        }
    }
}
