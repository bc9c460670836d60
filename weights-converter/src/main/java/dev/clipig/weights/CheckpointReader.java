package dev.clipig.weights;

import dev.clipig.io.InputFile;
import dev.clipig.weights.safetensors.SafetensorsFile;
import dev.clipig.weights.torch.TorchArchive;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opens a weights file of any supported format, told apart by its first bytes. */
public final class CheckpointReader {
    private static final int SNIFFED = 9;

    private CheckpointReader() {
    }

    /**
     * Reads a TorchScript archive, a zip {@code torch.save} checkpoint or a safetensors file.
     *
     * @throws WeightsException naming the file if it is missing, of an unknown format or corrupt
     */
    public static Checkpoint read(Path path) {
        InputFile.fault(path).ifPresent(fault -> {
            throw new WeightsException(path + ": " + fault);
        });
        ByteBuffer head = ByteBuffer.allocate(SNIFFED);
        long size;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            size = channel.size();
            int read = 0;
            while (head.hasRemaining() && read >= 0) {
                read = channel.read(head);
            }
        } catch (IOException e) {
            throw new WeightsException(path + ": cannot read: " + InputFile.describe(e), e);
        }
        head.flip();
        if (head.remaining() >= 2 && head.get(0) == 'P' && head.get(1) == 'K') {
            return TorchArchive.read(path);
        }
        if (SafetensorsFile.looksLike(head, size)) {
            return SafetensorsFile.open(path).toCheckpoint();
        }
        if (head.remaining() >= 2 && (head.get(0) & 0xff) == 0x80 && head.get(1) == 2) {
            throw new WeightsException(path + ": a legacy (non-zip) torch.save pickle; re-save it with a PyTorch"
                    + " of version 1.6 or later");
        }
        throw new WeightsException(path + ": unknown format: neither a zip archive (TorchScript or torch.save)"
                + " nor a safetensors file");
    }
}
