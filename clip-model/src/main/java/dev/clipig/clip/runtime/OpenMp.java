package dev.clipig.clip.runtime;

import com.sun.jna.NativeLibrary;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.javacpp.Loader;

/**
 * The OpenMP runtime that libnd4j loaded, which oneDNN's primitives share (the process holds one
 * libgomp). Its thread count is a per-thread setting: a lane sets its own to one, so that with
 * {@code OMP_NUM_THREADS} unset each lane's primitives do not start a team per core on cores the
 * other lanes already use.
 */
final class OpenMp {

    private OpenMp() {
    }

    /** Sets the calling thread's OpenMP parallel regions to {@code threads}; nothing where no libgomp is loaded. */
    static void threadsHere(int threads) {
        library().ifPresent(gomp -> gomp.getFunction("omp_set_num_threads").invokeVoid(new Object[] {threads}));
    }

    /** This thread's OpenMP thread count, or empty where no libgomp is loaded. */
    static Optional<Integer> maxThreadsHere() {
        return library().map(gomp -> gomp.getFunction("omp_get_max_threads").invokeInt(new Object[0]));
    }

    private static Optional<NativeLibrary> library() {
        return Loader.getLoadedLibraries().values().stream()
                .filter(p -> Path.of(p).getFileName().toString().startsWith("libgomp"))
                .findFirst().map(NativeLibrary::getInstance);
    }
}
