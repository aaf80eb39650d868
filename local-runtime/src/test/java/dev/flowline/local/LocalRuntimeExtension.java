package dev.flowline.local;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One in-memory local runtime on the development clock for a whole test class, with an outbox of its own,
 * started before the class's tests and stopped after them: {@code @RegisterExtension static final}.
 */
final class LocalRuntimeExtension implements BeforeAllCallback, AfterAllCallback {

    private Path outbox;
    private LocalRuntime runtime;
    private LocalApi api;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        outbox = Files.createTempDirectory("flowline-outbox");
        runtime = LocalRuntime.start(new LocalOptions(0, outbox, true, 0, 0, null, Map.of(), 1, 50));
        api = new LocalApi(runtime);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        runtime.close();
        try (Stream<Path> files = Files.walk(outbox)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    LocalRuntime runtime() {
        return runtime;
    }

    DevClock clock() {
        return runtime.devClock().orElseThrow();
    }

    LocalApi api() {
        return api;
    }
}
