package io.github.npmrcguard.secrets;

/** The token formats the scan recognises by shape, with the words a log line uses for each. */
public enum TokenFormat {
    NPM("npm access token"),
    GITHUB("GitHub token"),
    GITHUB_FINE_GRAINED("GitHub fine-grained token"),
    GITLAB("GitLab token"),
    JFROG_API_KEY("JFrog API key"),
    JFROG_REFERENCE_TOKEN("JFrog reference token"),
    GOOGLE_OAUTH("Google OAuth access token"),
    JWT("JSON web token");

    private final String description;

    TokenFormat(String description) {
        this.description = description;
    }

    /** How a log line names it, e.g. "npm access token". */
    public String description() {
        return description;
    }
}
