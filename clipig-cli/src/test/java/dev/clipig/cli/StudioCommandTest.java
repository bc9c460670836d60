package dev.clipig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The studio command's refusals: a taken port or an unknown host is one line, not a trace. */
class StudioCommandTest {
    @TempDir
    Path workspace;

    @Test
    void aTakenPortIsOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            CommandRun run = CommandRun.of("studio", "--model", "toy-shapes", "--workspace", workspace.toString(),
                    "--port", Integer.toString(port));
            assertEquals(1, run.exit());
            String line = run.errorLine();
            assertEquals("studio: cannot listen on 127.0.0.1:" + port, line.substring(0, line.indexOf(" (")));
        }
    }

    @Test
    void aPortOutOfRangeAndAnUnknownHostAreOneLine() {
        CommandRun port = CommandRun.of("studio", "--workspace", workspace.toString(), "--port", "70000");
        assertEquals("studio: --port: not a port number: 70000", port.errorLine());
        CommandRun host = CommandRun.of("studio", "--workspace", workspace.toString(), "--host", "no-such-host.invalid");
        assertEquals("studio: --host: no such address: no-such-host.invalid", host.errorLine());
    }
}
