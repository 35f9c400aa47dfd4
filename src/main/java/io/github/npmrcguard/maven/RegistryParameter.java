package io.github.npmrcguard.maven;

/**
 * One {@code <registry>} of {@code <registries>}: the registry's URL, optionally the {@code @scope} it
 * serves, and the environment variable its token comes from ({@code NPM_TOKEN} when not given).
 */
public class RegistryParameter {
    /** The registry URL, e.g. {@code https://npm.pkg.github.com/}; no user name or password in it. */
    String url;
    /** Optional: the scope whose packages come from this registry, e.g. {@code @acme}. */
    String scope;
    /** Optional: the environment variable that holds the token; {@code NPM_TOKEN} by default. */
    String tokenVariable;

    public void setUrl(String url) {
        this.url = url;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public void setTokenVariable(String tokenVariable) {
        this.tokenVariable = tokenVariable;
    }
}
