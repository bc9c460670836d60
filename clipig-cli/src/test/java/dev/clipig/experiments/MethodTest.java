package dev.clipig.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.core.config.ClipigConfig;
import dev.clipig.core.config.FeatureSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MethodTest {
    @Test
    void theShippedMethodsAreCLIPigsConfigs() {
        assertEquals(200, Method.shipped(1).config().epochs());
        assertEquals(300, Method.shipped(2).config().epochs());
        assertEquals("method2", Method.shipped(2).name());
        assertEquals(300, Method.shipped(3).config().epochs());
        assertEquals("method3", Method.shipped(3).name());
    }

    @Test
    void aShippedMethodIsFoundByItsFolderName() {
        assertEquals(Method.shipped(2), Method.shipped("method2"));
        assertEquals(Method.shipped(3), Method.shipped("method3"));
        assertEquals(List.of("method1", "method2", "method3"), Method.shippedNames());
        ExperimentException e = assertThrows(ExperimentException.class, () -> Method.shipped("method4"));
        assertEquals("there is no method 'method4'; the methods are method1, method2 and method3", e.getMessage());
    }

    @Test
    void aPromptReplacesTheTextFeatureAndKeepsTheRest() {
        Method method = Method.shipped(2);
        ClipigConfig config = method.forPrompt("a snail made of coral reef");

        List<FeatureSpec> before = method.config().targets().get(0).features();
        List<FeatureSpec> after = config.targets().get(0).features();
        assertEquals(before.size(), after.size());
        assertEquals(Optional.of("a snail made of coral reef"), after.get(0).text());
        assertEquals(before.get(0).weight(), after.get(0).weight());
        assertEquals(method.config().targets().get(0).transforms(), config.targets().get(0).transforms());
        assertEquals(method.config().targets().get(0).constraints(), config.targets().get(0).constraints());
        assertEquals(method.config().epochs(), config.epochs());
    }

    @Test
    void epochsStretchTheMethod() {
        assertEquals(7, Method.shipped(1).withEpochs(7).config().epochs());
        ExperimentException e = assertThrows(ExperimentException.class, () -> Method.shipped(1).withEpochs(0));
        assertEquals("epochs must be at least 1, got 0", e.getMessage());
    }

    @Test
    void onlyMethodsOneToThreeAreShipped() {
        ExperimentException e = assertThrows(ExperimentException.class, () -> Method.shipped(4));
        assertEquals("there is no method 4; the methods are 1, 2 and 3", e.getMessage());
        assertThrows(ExperimentException.class, () -> Method.shipped(0));
    }

    @Test
    void conceptsReadAsPromptsAndFileNames() {
        Concept concept = new Concept("cat", "cuckoo-clock");
        assertEquals("a cat made of cuckoo clock", concept.prompt());
        assertEquals("cat-cuckoo-clock.png", concept.fileName());
        ExperimentException e = assertThrows(ExperimentException.class, () -> new Concept("sea-lion", "basil"));
        assertTrue(e.getMessage().startsWith("animal 'sea-lion'"), e.getMessage());
        assertThrows(ExperimentException.class, () -> new Concept("cat", "../basil"));
    }
}
