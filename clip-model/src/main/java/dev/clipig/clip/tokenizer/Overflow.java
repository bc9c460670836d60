package dev.clipig.clip.tokenizer;

/** What to do with a text whose tokens do not fit the context. */
public enum Overflow {
    /** Throw {@link TextTooLongException}. */
    REJECT,
    /** Keep the leading tokens and end with the end-of-text token, as OpenAI's {@code truncate=True}. */
    TRUNCATE
}
