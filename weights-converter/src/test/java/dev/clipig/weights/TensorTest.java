package dev.clipig.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorTest {
    /** Storage 0..11 as float32. */
    private static ByteBuffer counting(int count) {
        ByteBuffer bytes = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            bytes.putFloat(i);
        }
        return bytes.flip();
    }

    @Test
    void gathersAStridedViewAtAnOffset() {
        // Rows of 4 starting at element 1, every other column: [[1, 3], [5, 7]].
        Tensor view = Tensor.strided(DType.F32, new int[] {2, 2}, new int[] {4, 2}, 1, counting(12));
        assertFalse(view.isContiguous());
        assertArrayEquals(new float[] {1, 3, 5, 7}, view.toFloats());
    }

    @Test
    void transposesAsAView() {
        Tensor matrix = Tensor.contiguous(DType.F32, new int[] {2, 3}, counting(6));
        Tensor transposed = matrix.transpose();
        assertArrayEquals(new int[] {3, 2}, transposed.shape());
        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, transposed.toFloats());
        assertArrayEquals(matrix.toFloats(), transposed.transpose().toFloats());
        assertTrue(transposed.transpose().isContiguous());
    }

    @Test
    void stacksAlongTheFirstDimension() {
        Tensor a = Tensor.contiguous(DType.F32, new int[] {1, 2}, counting(2));
        Tensor b = Tensor.contiguous(DType.F32, new int[] {2, 3}, counting(6));
        Tensor stacked = Tensor.concat(List.of(a, Tensor.strided(DType.F32, new int[] {1, 2}, new int[] {2, 3}, 1,
                counting(6)), a));
        assertArrayEquals(new int[] {3, 2}, stacked.shape());
        assertArrayEquals(new float[] {0, 1, 1, 4, 0, 1}, stacked.toFloats());
        assertThrows(IllegalArgumentException.class, () -> Tensor.concat(List.of(a, b)));
    }

    @Test
    void refusesAViewReachingPastItsStorage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.strided(DType.F32, new int[] {3, 4}, new int[] {4, 1}, 1, counting(12)));
        assertTrue(e.getMessage().contains("reaches element 12"), e.getMessage());
    }

    @Test
    void refusesContiguousDataOfTheWrongSize() {
        assertThrows(IllegalArgumentException.class,
                () -> Tensor.contiguous(DType.F16, new int[] {3}, ByteBuffer.allocate(4)));
    }
}
