package dev.flowline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The size of each function's deployment package (its shaded jar), against Lambda's practical 20 MB. */
final class PackageSizes {

    private static final double TARGET_MB = 20;

    private PackageSizes() {
    }

    static List<Figure> measure(Path root) throws IOException {
        List<Figure> figures = new ArrayList<>();
        for (DeployedFunctions.Function function : DeployedFunctions.of(root).functions()) {
            figures.add(Figure.atMost("package size, " + function.name(), Files.size(function.jar()) / 1e6, "MB",
                    TARGET_MB));
        }
        return figures;
    }
}
