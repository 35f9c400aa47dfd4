package io.github.npmrcguard.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.npmrcguard.parse.NpmIniParser;
import io.github.npmrcguard.parse.Setting;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MergeCheckTest {
    private static List<Setting> ini(String text) {
        return new NpmIniParser().parse(text);
    }

    @Test
    void aMergeThatAddsWhatItMeantAndKeepsTheRestHolds() {
        assertNull(MergeCheck.problem(
                ini("a=1\nb=2\n"),
                ini("a=1\nb=2\nregistry=https://r.example/\n"),
                Map.of("registry", "https://r.example/"),
                Set.of("registry")));
    }

    @Test
    void aWrittenKeyThatALaterLineOverridesFails() {
        assertEquals(
                "the merged file would not set registry as intended",
                MergeCheck.problem(
                        ini(""),
                        ini("registry=https://r.example/\nregistry=https://other.example/\n"),
                        Map.of("registry", "https://r.example/"),
                        Set.of("registry")));
    }

    @Test
    void aWrittenKeyInsideASectionDoesNotCount() {
        assertEquals(
                "the merged file would not set registry as intended",
                MergeCheck.problem(
                        ini("[s]\n"),
                        ini("[s]\nregistry=https://r.example/\n"),
                        Map.of("registry", "https://r.example/"),
                        Set.of("registry")));
    }

    @Test
    void aLostOrChangedSettingFails() {
        assertEquals(
                "the merged file would lose or change its setting b (line 2)",
                MergeCheck.problem(ini("a=1\nb=2\n"), ini("a=1\nregistry=x\n"), Map.of(), Set.of("registry")));
        assertEquals(
                "the merged file would lose or change its setting a (line 1)",
                MergeCheck.problem(ini("a=1\n"), ini("a=9\n"), Map.of(), Set.of()));
    }

    @Test
    void aRepeatedKeyMustKeepEveryOccurrence() {
        assertEquals(
                "the merged file would lose or change its setting ca (line 2)",
                MergeCheck.problem(ini("ca[]=x\nca[]=x\n"), ini("ca[]=x\n"), Map.of(), Set.of()));
    }

    @Test
    void aTouchedKeyMayChange() {
        assertNull(MergeCheck.problem(
                ini("registry=https://old.example/\n"),
                ini("registry=https://r.example/\n"),
                Map.of("registry", "https://r.example/"),
                Set.of("registry")));
    }
}
