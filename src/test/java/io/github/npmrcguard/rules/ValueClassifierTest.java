package io.github.npmrcguard.rules;

import static io.github.npmrcguard.rules.ValueKind.EMPTY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueClassifierTest {

    @ParameterizedTest(name = "npm: [{0}] is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "${NPM_TOKEN}|PLACEHOLDER",
                "${NPM_TOKEN?}|PLACEHOLDER",
                "${NPM_USER}:${NPM_PASS}|PLACEHOLDER",
                "$NPM_TOKEN|NOT_EXPANDED",
                "${{ secrets.NPM_TOKEN }}|NOT_EXPANDED",
                "${env.NPM_TOKEN}|NOT_EXPANDED",
                "%NPM_TOKEN%|NOT_EXPANDED",
                "{{ npm_token }}|NOT_EXPANDED",
                "\\${NPM_TOKEN}|NOT_EXPANDED",
                "${NPM_TOKEN:-}|NOT_EXPANDED",
                "${NPM_TOKEN:-abc123def}|PLACEHOLDER_WITH_LITERAL",
                "${NPM_TOKEN-abc123def}|PLACEHOLDER_WITH_LITERAL",
                "abc${NPM_TOKEN}|PLACEHOLDER_WITH_LITERAL",
                "${NPM_TOKEN}xyz9|PLACEHOLDER_WITH_LITERAL",
                "changeme|DUMMY",
                "<YOUR_TOKEN>|DUMMY",
                "xxxxxxxxxxxx|DUMMY",
                "npm_xxxxxxxxxxxxxxxx|DUMMY",
                "true|DUMMY",
                "your-token-here|DUMMY",
                "d7a1c0e2-7b5e-4c1a-9f3e-2b8c9d0e1f2a|LITERAL",
                "s3cr3tP4ss|LITERAL",
                "hT9!kq2L|LITERAL",
                "ACME_READ_TOKEN|DUMMY",
                "PASTE_TOKEN_HERE|DUMMY",
                "@@NPM_TOKEN@@|DUMMY",
                "$(cat ~/.npm-token)|DUMMY",
                "`echo $NPM_TOKEN`|DUMMY",
                "process.env.NPM_TOKEN|DUMMY",
                "00000000-0000-0000-0000-000000000000|DUMMY",
                "dXNlcm5hbWU6cGFzc3dvcmQ=|DUMMY",
                "abcdef123456|DUMMY",
            })
    void npm(String value, ValueKind expected) {
        assertEquals(expected, ValueClassifier.classify(value, Dialect.NPM));
    }

    @ParameterizedTest(name = "Maven: [{0}] is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "${env.NPM_TOKEN}|PLACEHOLDER",
                "${NPM_TOKEN}|PLACEHOLDER",
                "${npm.token}|PLACEHOLDER",
                "${frontend-token}|PLACEHOLDER",
                "${env.NPM_TOKEN:-abc}|PLACEHOLDER",
                "${env.NPM_USER}:${env.NPM_PASS}|PLACEHOLDER",
                "abc${env.NPM_TOKEN}|PLACEHOLDER_WITH_LITERAL",
                "$NPM_TOKEN|NOT_EXPANDED",
                "${{ secrets.NPM_TOKEN }}|PLACEHOLDER",
                "%NPM_TOKEN%|NOT_EXPANDED",
                "changeme|DUMMY",
                "s3cr3tP4ss|LITERAL",
            })
    void maven(String value, ValueKind expected) {
        assertEquals(expected, ValueClassifier.classify(value, Dialect.MAVEN));
    }

    @ParameterizedTest(name = "yarn 2+: [{0}] is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "${NPM_TOKEN}|PLACEHOLDER",
                "${NPM_TOKEN:-}|PLACEHOLDER",
                "${NPM_TOKEN-}|PLACEHOLDER",
                "${NPM_TOKEN:-abcdef123}|PLACEHOLDER_WITH_LITERAL",
                "$NPM_TOKEN|NOT_EXPANDED",
                "pLq7Rk2xW9v|LITERAL",
            })
    void yarnBerry(String value, ValueKind expected) {
        assertEquals(expected, ValueClassifier.classify(value, Dialect.YARN_BERRY));
    }

    @ParameterizedTest(name = "bun: [{0}] is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "$NPM_TOKEN|PLACEHOLDER",
                "${NPM_TOKEN}|NOT_EXPANDED",
                "Zq8rT2kLp0|LITERAL",
            })
    void bun(String value, ValueKind expected) {
        assertEquals(expected, ValueClassifier.classify(value, Dialect.BUN));
    }

    @ParameterizedTest(name = "empty: [{0}]")
    @CsvSource(value = {"''", "'   '"})
    void emptyValues(String value) {
        assertEquals(EMPTY, ValueClassifier.classify(value, Dialect.NPM));
    }
}
