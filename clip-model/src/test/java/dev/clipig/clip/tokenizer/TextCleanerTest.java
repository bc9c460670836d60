package dev.clipig.clip.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** CLIP's cleaning, one documented ftfy or HTML rule per assertion (values from the Python reference). */
class TextCleanerTest {
    private static final TextCleaner CLEANER = new TextCleaner(HtmlEntities.load());

    @Test
    void spellsOutFullWidthFormsLigaturesAndCurlyQuotes() {
        assertEquals("loud noises", CLEANER.clean("ＬＯＵＤ\u3000ＮＯＩＳＥＳ"));
        assertEquals("it's \"flubberific\"", CLEANER.clean("it’s “ﬂubberiﬁc”"));
    }

    @Test
    void decodesHtmlUntilStableUnlessTheLineLooksLikeMarkup() {
        assertEquals("&", CLEANER.clean("&amp;amp;amp;"));
        assertEquals("<b>&amp;</b>", CLEANER.clean("<b>&amp;amp;amp;</b>"));
        assertEquals("pérez", CLEANER.clean("P&EACUTE;REZ"));
        assertEquals("¬it;", CLEANER.clean("&notit;"));
        assertEquals("x€y", CLEANER.clean("x&#128;y"));
    }

    @Test
    void readsC1ControlsAsWindows1252AndDropsTerminalEscapes() {
        assertEquals("a…b", CLEANER.clean("a\u0085b"));
        assertEquals("red done", CLEANER.clean("\u001b[31mred\u001b[0m  \t done "));
    }

    @Test
    void composesToNfc() {
        assertEquals("caf\u00e9", CLEANER.clean("cafe\u0301"));
    }
}
