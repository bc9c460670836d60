package dev.clipig.weights.torch;

import dev.clipig.weights.DType;
import java.nio.ByteBuffer;

/** A typed storage a tensor views: the bytes of one {@code data/<key>} entry of the archive. */
record Storage(String entry, DType dtype, ByteBuffer bytes) {
}
