package dev.clipig.core.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GaussianBlurTest {

    @Test
    void kernelSizesAreMadeOddAndAtLeastOne() {
        // CLIPig's blur (transform and constraint alike) takes max(1, k + 1 if k is even else k):
        // even sizes grow by one, zero and negatives become one.
        assertEquals(31, GaussianBlur.oddSize(30));
        assertEquals(5, GaussianBlur.oddSize(4));
        assertEquals(31, GaussianBlur.oddSize(31));
        assertEquals(1, GaussianBlur.oddSize(0));
        assertEquals(1, GaussianBlur.oddSize(-4));
    }
}
