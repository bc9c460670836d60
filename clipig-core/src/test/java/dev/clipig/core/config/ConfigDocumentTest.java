package dev.clipig.core.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.clipig.core.expr.Variables;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Several config files merged as CLIPig's parameters.merge_parameters merges them, and settings on top. */
class ConfigDocumentTest {
    private static final ConfigDocument FIRST = ConfigDocument.parse("""
            epochs: 10
            resolution: [32, 32]
            init:
              mean: 0.3
              std: 0.1
            targets:
              - name: a
                features: [{text: one}]
            postproc:
              - blur: {kernel_size: 3}
            """, "first.yaml");
    private static final ConfigDocument SECOND = ConfigDocument.parse("""
            resolution: 64
            init:
              std: 0.2
            targets:
              - name: b
                features: [{text: two}]
            """, "second.yaml");

    @Test
    void mappingsMergeKeyByKeyListsOfMappingsAppendAndOtherValuesAreReplaced() {
        ClipigConfig c = FIRST.mergedWith(SECOND).toConfig();

        assertEquals(10, c.epochs());
        // A later mapping adds to the earlier one: init.mean survives, init.std is replaced.
        assertEquals(List.of(0.3, 0.3, 0.3), c.init().mean());
        assertEquals(List.of(0.2, 0.2, 0.2), c.init().std());
        // CLIPig appends target lists: "List entries like targets will be appended to the previous list".
        assertEquals(List.of("a", "b"), c.targets().stream().map(TargetSpec::name).toList());
        assertEquals(1, c.postproc().size());
        // A number list is replaced (CLIPig would append it to four numbers and fail).
        assertArrayEquals(new int[] {64, 64}, c.resolution().intValues(Variables.empty()));
        assertEquals("second.yaml", c.sourceName());
    }

    @Test
    void settingsReplaceTopLevelValuesAndAreNamedInErrors() {
        ClipigConfig c = FIRST.withSettings(Map.of("epochs", 3, "resolution", List.of(8, 12)), "command line")
                .toConfig();
        assertEquals(3, c.epochs());
        assertArrayEquals(new int[] {8, 12}, c.resolution().intValues(Variables.empty()));

        ConfigException e = assertThrows(ConfigException.class,
                () -> FIRST.withSettings(Map.of("epochs", -1), "command line").toConfig());
        assertEquals("command line: epochs: must be positive, got -1", e.getMessage());
    }

    @Test
    void anErrorInAMergedFileNamesThatFileAndItsLine() {
        ConfigDocument broken = ConfigDocument.parse("epochs: 2\ntargets:\n  - name: c\n    batch_sise: 2\n", "broken.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> FIRST.mergedWith(broken).toConfig());
        assertEquals("broken.yaml:4: targets[1].batch_sise: unknown key 'batch_sise', did you mean 'batch_size'?",
                e.getMessage());
    }

    @Test
    void theMergedYamlReadsBackToTheSameConfig() {
        ConfigDocument merged = FIRST.mergedWith(SECOND);
        ClipigConfig again = ConfigDocument.parse(merged.toYaml(), "record.yaml").toConfig();
        ClipigConfig c = merged.toConfig();
        assertEquals(c.targets().size(), again.targets().size());
        assertEquals(c.init(), again.init());
        assertEquals(c.epochs(), again.epochs());
    }
}
