package io.github.npmrcguard.rules;

import java.util.List;

/**
 * Every rule, in the order they run. Order matters twice (both held by {@code RuleCatalogueOrderTest}): the
 * auth-key rules come before the catch-all token rule, which stays quiet on a line they already reported; and
 * every rule that reads only content comes before the first that looks at the file's folder, since
 * {@link DocumentChecker} caches only that leading run.
 */
public final class RuleCatalogue {
    /** Files that could not be read: the scan fails closed, since they may hold committed secrets. */
    public static final RuleInfo UNREADABLE_FILE = new RuleInfo(
            "unreadable-file",
            Severity.ERROR,
            "Config file that could not be read",
            "A file the scan must check could not be read, so it may hold a committed credential that nobody "
                    + "checked. Make it readable by the build user, or exclude it with <excludes>.");
    /** Files that were read but are not valid in their format; the token search still covered them. */
    public static final RuleInfo UNPARSABLE_FILE = new RuleInfo(
            "unparsable-file",
            Severity.WARNING,
            "Config file its client cannot parse",
            "The file is not valid in its format, so its client will fail or ignore it. Its lines were still "
                    + "searched for token formats. Fix the syntax at the line given.");
    /** Candidate files deliberately not read, such as a link to a file outside the scan root. */
    public static final RuleInfo SKIPPED_FILE = new RuleInfo(
            "skipped-file",
            Severity.WARNING,
            "Config file not read",
            "A candidate file was not read, for the reason given: a symbolic link that leads out of the scan "
                    + "root, or a file that disappeared while the scan ran. A file larger than 16 MiB is not parsed "
                    + "but searched for token formats as a stream: a token in it is still an error at its line, but a "
                    + "literal without a known format in an auth key is not found there.");

    private static final List<Rule> RULES = List.of(
            new LiteralCredentialRule(),
            new PlaceholderWithLiteralRule(),
            new CredentialsInUrlRule(),
            new PomLiteralEnvTokenRule(),
            new PomLiteralArgumentTokenRule(),
            new PomCredentialsInUrlRule(),
            new PrivateKeyRule(),
            new KnownTokenRule(),
            new PomTokenInPluginConfigRule(),
            new PlaceholderNotExpandedRule(),
            new DummyCredentialRule(),
            new UnscopedAuthRule(),
            new DeprecatedKeyRule(),
            new RegistryWithoutAuthRule(),
            new YarnRequiredPlaceholderRule(),
            new AuthWithoutRegistryRule(), // the first rule that reads the file's folder: content-only rules go above
            new OptionalPlaceholderRule(),
            new ProjectPlaceholderRule(),
            new PackagedConfigRule(),
            new UnreadConfigRule(),
            new UserConfigNotWiredRule());

    private RuleCatalogue() {}

    /** The rules, in running order. */
    public static List<Rule> rules() {
        return RULES;
    }

    /** Every rule's description, file-level ones included, for reports. */
    public static List<RuleInfo> infos() {
        List<RuleInfo> out = new java.util.ArrayList<>();
        for (Rule r : RULES) {
            out.add(r.info());
        }
        out.add(UNREADABLE_FILE);
        out.add(UNPARSABLE_FILE);
        out.add(SKIPPED_FILE);
        out.add(PreflightVariableRule.INFO);
        return List.copyOf(out);
    }

    /** Runs every rule over one document. */
    public static List<Finding> check(ConfigDocument doc) {
        return check(doc, RULES);
    }

    /** Runs the given rules, in order, over one document. */
    public static List<Finding> check(ConfigDocument doc, List<Rule> rules) {
        return check(doc, rules, new RenderedKeys());
    }

    /** Runs the given rules over one document of a scan, sharing that scan's key renderings. */
    public static List<Finding> check(ConfigDocument doc, List<Rule> rules, RenderedKeys keys) {
        FindingSink sink = new FindingSink(doc.path(), doc.kind(), keys);
        for (Rule rule : rules) {
            rule.check(doc, sink);
        }
        return sink.findings();
    }
}
