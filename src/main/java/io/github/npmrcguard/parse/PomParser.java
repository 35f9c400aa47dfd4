package io.github.npmrcguard.parse;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A Maven {@code pom.xml}, read as the raw XML that is committed, never as Maven's interpolated model (where
 * {@code ${env.NPM_TOKEN}} would already be the secret). It gives settings for the frontend-related parts only,
 * shaped as {@link PomKeys} describes: the {@code environmentVariables}, {@code arguments},
 * {@code commandlineArgs} and URL parameters of {@code com.github.eirslett:frontend-maven-plugin} and
 * {@code org.codehaus.mojo:exec-maven-plugin}, in {@code build/plugins}, {@code build/pluginManagement/plugins}
 * and the same under {@code profiles/profile}, from the plugin's {@code <configuration>} and from each
 * {@code <executions><execution><configuration>}; then the {@code <properties>} (the project's and each
 * profile's) that those values read through {@code ${name}}, directly or through other properties.
 *
 * <p>Values are trimmed, as Maven trims plugin configuration; {@code ${...}} is not interpolated. The line of a
 * setting is the line of its value's first character (of its start tag when the value is blank).
 *
 * <p>A pom that mentions neither plugin is not parsed at all (no settings, never an error), so the many
 * ordinary poms of a reactor cost one text search each and never load StAX. The JDK's own StAX
 * implementation reads the rest, hardened: no DTD processing, no external entities or DTDs, and a resolver
 * that refuses everything; an entity reference other than XML's five predefined ones and character references
 * (Maven's reader accepts the XHTML ones, such as {@code &nbsp;}) is read as nothing, never resolved. A file
 * that is not well-formed XML is a {@link ParseException} whose message quotes nothing from the file.
 */
public final class PomParser implements ConfigParser {

    /** An entity reference that is not one of XML's predefined five nor a character reference. */
    private static final Pattern FOREIGN_ENTITY =
            Pattern.compile("&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);)[A-Za-z_:][-A-Za-z0-9._:]*;");

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

    /** Where plugins are declared, from the root element. */
    private static final List<List<String>> PLUGIN_PATHS = List.of(
            List.of("project", "build", "plugins", "plugin"),
            List.of("project", "build", "pluginManagement", "plugins", "plugin"),
            List.of("project", "profiles", "profile", "build", "plugins", "plugin"),
            List.of("project", "profiles", "profile", "build", "pluginManagement", "plugins", "plugin"));

    private static final List<String> EXECUTION_CONFIGURATION = List.of("executions", "execution", "configuration");

    /** Creates the parser; it holds no state between calls. */
    public PomParser() {}

    /**
     * {@inheritDoc}
     *
     * @throws ParseException for a pom that mentions either plugin and is not well-formed XML
     */
    @Override
    public List<Setting> parse(String text) throws ParseException {
        if (!text.contains(PomKeys.FRONTEND) && !text.contains(PomKeys.EXEC)) {
            return List.of();
        }
        String xml = FOREIGN_ENTITY
                .matcher(text.startsWith("\uFEFF") ? text.substring(1) : text)
                .replaceAll("");
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(new StringReader(xml));
            return new Walk(reader).run();
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            throw new ParseException(
                    "pom.xml is not well-formed XML", at == null ? 0 : Math.max(0, at.getLineNumber()));
        } catch (RuntimeException e) {
            // The parser's own failure on odd input: never let it stop the scan or carry text out.
            throw new ParseException("pom.xml could not be read as XML", 0);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release for a StringReader
                }
            }
        }
    }

    /** The JDK's StAX implementation, whatever the classpath offers, with every way out to other files shut. */
    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not read");
        });
        return f;
    }

    /** Text being collected for one element. */
    private static final class Capture {
        final Kind kind;
        final String name;
        final int depth;
        final int startLine;
        final Profile profile;
        final StringBuilder text = new StringBuilder();
        int line;

        Capture(Kind kind, String name, int depth, int startLine, Profile profile) {
            this.kind = kind;
            this.name = name;
            this.depth = depth;
            this.startLine = startLine;
            this.profile = profile;
        }

        String value() {
            return text.toString().strip();
        }

        int line() {
            return line > 0 ? line : startLine;
        }
    }

    private enum Kind {
        GROUP_ID,
        ARTIFACT_ID,
        PROFILE_ID,
        ENVIRONMENT,
        ARGUMENTS,
        URL,
        PROPERTY
    }

    /** A profile whose id may come after its properties. */
    private static final class Profile {
        String id;

        String keyPart() {
            return id == null || id.isBlank() ? "profile" : id.strip().replaceAll("[^A-Za-z0-9._-]", "_");
        }
    }

    /** One plugin declaration: its coordinates and the parameters collected until its end tag. */
    private static final class Plugin {
        String groupId;
        String artifactId;
        final List<Capture> parameters = new ArrayList<>();

        /** The plugin's artifactId when it is one of the two plugins read, else null. */
        String label() {
            if (PomKeys.FRONTEND.equals(artifactId) && groupMatches(PomKeys.FRONTEND_GROUP)) {
                return PomKeys.FRONTEND;
            }
            if (PomKeys.EXEC.equals(artifactId) && groupMatches(PomKeys.EXEC_GROUP)) {
                return PomKeys.EXEC;
            }
            return null;
        }

        private boolean groupMatches(String expected) {
            return groupId == null || groupId.equals(expected) || groupId.contains("${");
        }
    }

    /** One pass over the document. */
    private static final class Walk {
        private final XMLStreamReader reader;
        private final List<String> path = new ArrayList<>();
        private final Deque<Capture> captures = new ArrayDeque<>();
        private final List<Setting> out = new ArrayList<>();
        private final Map<String, List<Capture>> properties = new LinkedHashMap<>();
        private Plugin plugin;
        private int pluginDepth = -1;
        private Profile profile;

        Walk(XMLStreamReader reader) {
            this.reader = reader;
        }

        List<Setting> run() throws XMLStreamException {
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT:
                        path.add(reader.getLocalName());
                        if (path.size() == 1 && !path.get(0).equals("project")) {
                            return List.of(); // not a Maven pom
                        }
                        start();
                        break;
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.CDATA:
                    case XMLStreamConstants.SPACE:
                        text();
                        break;
                    case XMLStreamConstants.END_ELEMENT:
                        end();
                        path.remove(path.size() - 1);
                        break;
                    default:
                        break;
                }
            }
            addProperties();
            out.sort((a, b) -> Integer.compare(a.line(), b.line()));
            return out;
        }

        private int line() {
            return reader.getLocation().getLineNumber();
        }

        private void capture(Kind kind, String name, Profile inProfile) {
            captures.push(new Capture(kind, name, path.size(), line(), inProfile));
        }

        private void start() {
            int depth = path.size();
            String name = path.get(depth - 1);
            if (pluginDepth < 0 && name.equals("plugin") && PLUGIN_PATHS.contains(path)) {
                plugin = new Plugin();
                pluginDepth = depth;
                return;
            }
            if (pluginDepth > 0) {
                startInPlugin(path.subList(pluginDepth, depth));
                return;
            }
            if (depth == 3 && path.get(1).equals("profiles") && name.equals("profile")) {
                profile = new Profile();
            } else if (depth == 4 && profile != null && path.get(2).equals("profile") && name.equals("id")) {
                capture(Kind.PROFILE_ID, name, profile);
            } else if (depth == 3 && path.get(1).equals("properties")) {
                capture(Kind.PROPERTY, name, null);
            } else if (depth == 5
                    && profile != null
                    && path.get(2).equals("profile")
                    && path.get(3).equals("properties")) {
                capture(Kind.PROPERTY, name, profile);
            }
        }

        /** @param rel the path below the plugin element */
        private void startInPlugin(List<String> rel) {
            if (rel.size() == 1 && rel.get(0).equals("groupId")) {
                capture(Kind.GROUP_ID, "groupId", null);
                return;
            }
            if (rel.size() == 1 && rel.get(0).equals("artifactId")) {
                capture(Kind.ARTIFACT_ID, "artifactId", null);
                return;
            }
            List<String> cfg;
            if (!rel.isEmpty() && rel.get(0).equals("configuration")) {
                cfg = rel.subList(1, rel.size());
            } else if (rel.size() > 3 && rel.subList(0, 3).equals(EXECUTION_CONFIGURATION)) {
                cfg = rel.subList(3, rel.size());
            } else {
                return;
            }
            if (cfg.size() == 2 && cfg.get(0).equals(PomKeys.ENVIRONMENT)) {
                capture(Kind.ENVIRONMENT, cfg.get(1), null);
            } else if (cfg.size() == 1 && PomKeys.ARGUMENTS.contains(cfg.get(0))) {
                capture(Kind.ARGUMENTS, cfg.get(0), null);
            } else if (cfg.size() == 2
                    && cfg.get(0).equals("arguments")
                    && cfg.get(1).equals("argument")) {
                capture(Kind.ARGUMENTS, "arguments", null);
            } else if (cfg.size() == 1 && PomKeys.URLS.contains(cfg.get(0))) {
                capture(Kind.URL, cfg.get(0), null);
            }
        }

        private void text() {
            Capture c = captures.peek();
            if (c == null || c.depth != path.size()) {
                return; // text of an element nested inside a captured one: Maven would not read it either
            }
            String t = reader.getText();
            if (c.line == 0) {
                int first = firstNonWhitespace(t);
                if (first >= 0) {
                    // The location is the end of this text; count back the line breaks after its first character.
                    c.line = line() - count(t, first, '\n');
                }
            }
            c.text.append(t);
        }

        private void end() {
            int depth = path.size();
            Capture c = captures.peek();
            if (c != null && c.depth == depth) {
                captures.pop();
                finish(c);
            }
            if (depth == pluginDepth) {
                String label = plugin.label();
                if (label != null) {
                    for (Capture p : plugin.parameters) {
                        out.add(pluginSetting(label, p));
                    }
                }
                plugin = null;
                pluginDepth = -1;
            } else if (depth == 3 && profile != null && path.get(2).equals("profile")) {
                profile = null;
            }
        }

        private void finish(Capture c) {
            switch (c.kind) {
                case GROUP_ID:
                    plugin.groupId = c.value();
                    break;
                case ARTIFACT_ID:
                    plugin.artifactId = c.value();
                    break;
                case PROFILE_ID:
                    c.profile.id = c.value();
                    break;
                case PROPERTY:
                    properties.computeIfAbsent(c.name, n -> new ArrayList<>()).add(c);
                    break;
                case ARGUMENTS:
                    if (!c.value().isEmpty()) {
                        plugin.parameters.add(c); // exec's <arguments> holds <argument>s, not text
                    }
                    break;
                default:
                    plugin.parameters.add(c);
                    break;
            }
        }

        private static Setting pluginSetting(String label, Capture c) {
            if (c.kind == Kind.ENVIRONMENT) {
                String scope = PomKeys.pluginKey(label, PomKeys.ENVIRONMENT);
                return new Setting(c.line(), scope + "/" + c.name, c.name, scope, c.value(), "", false);
            }
            return new Setting(c.line(), PomKeys.pluginKey(label, c.name), c.name, label, c.value(), "", false);
        }

        /** The properties the plugin settings read, directly or through other properties. */
        private void addProperties() {
            Deque<String> queue = new ArrayDeque<>();
            out.forEach(s -> references(s.value(), queue));
            Set<String> done = new LinkedHashSet<>();
            while (!queue.isEmpty()) {
                String name = queue.poll();
                if (!done.add(name)) {
                    continue;
                }
                for (Capture c : properties.getOrDefault(name, List.of())) {
                    String scope = c.profile == null ? "properties" : "profiles/" + c.profile.keyPart() + "/properties";
                    out.add(new Setting(c.line(), scope + "/" + c.name, c.name, scope, c.value(), "", false));
                    references(c.value(), queue);
                }
            }
        }

        private static void references(String value, Deque<String> into) {
            Matcher m = REFERENCE.matcher(value);
            while (m.find()) {
                into.add(m.group(1).strip());
            }
        }
    }

    private static int firstNonWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int count(String s, int from, char c) {
        int n = 0;
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
