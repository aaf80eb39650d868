package dev.flowline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowline.aws.DueStepDrain;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the benchmarks, prints one line per figure with its target, and writes them to results.json.
 * {@code --smoke} runs each benchmark once, briefly, to check that it still runs: its figures mean nothing,
 * so it writes no results. {@code --end-to-end} runs only the end-to-end benchmark ({@link EndToEndBenchmark});
 * {@code --waker} only the delay waker's drain of a crowded minute ({@link WakerDrainBenchmark});
 * {@code --activation} only its activation of existing contacts;
 * {@code --contacts N} runs it with N contacts instead of 10,000 (and 2N existing ones instead of 20,000).
 */
public final class BenchmarkReport {

    private static final Path LOG = Path.of("target", "jmh.log");
    private static final Path RESULTS = Path.of("results.json");

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = List.of(args).contains("--smoke");
        // as the delay waker's function does when it starts, before this JVM's first request
        DueStepDrain.keepConnectionsAlive();
        Files.createDirectories(LOG.getParent());
        List<Figure> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (List.of(args).contains("--waker")) {
            var waker = WakerDrainBenchmark.run(smoke ? WakerDrainBenchmark.Size.SMOKE : WakerDrainBenchmark.Size.FULL);
            waker.figures().forEach(figure -> System.out.println(figure.line()));
            waker.notes().forEach(System.out::println);
            return;
        }
        if (!List.of(args).contains("--end-to-end") && !List.of(args).contains("--activation")) {
            try {
                Collection<RunResult> results = new Runner(options(smoke).build()).run();
                String simulatorCost = simulatorCost(results);
                figures.addAll(figures(results, simulatorCost));
                notes.add("simulator: " + simulatorCost);
            } catch (RunnerException e) {
                System.err.println("a benchmark failed: " + e.getMessage() + "; JMH's log is in bench/" + LOG);
                System.exit(1);
                return;
            }
            Path root = Path.of("..");
            figures.addAll(PackageSizes.measure(root));
            figures.addAll(ColdStarts.measure(root));
            var waker = WakerDrainBenchmark.run(smoke ? WakerDrainBenchmark.Size.SMOKE : WakerDrainBenchmark.Size.FULL);
            figures.addAll(waker.figures());
            notes.addAll(waker.notes());
        }
        int contacts = List.of(args).indexOf("--contacts");
        var size = smoke ? EndToEndBenchmark.Size.SMOKE : contacts >= 0
                ? EndToEndBenchmark.Size.of(Integer.parseInt(args[contacts + 1])) : EndToEndBenchmark.Size.FULL;
        var endToEnd = List.of(args).contains("--activation") ? EndToEndBenchmark.runActivation(size)
                : EndToEndBenchmark.run(size);
        figures.addAll(endToEnd.figures());
        notes.addAll(endToEnd.notes());
        if (smoke) {
            figures.forEach(figure -> System.out.println("ran: " + figure.name()));
            return;
        }
        figures.forEach(figure -> System.out.println(figure.line()));
        notes.forEach(System.out::println);
        write(figures, notes);
        System.out.println("written to bench/" + RESULTS + "; JMH's log is in bench/" + LOG);
    }

    private static ChainedOptionsBuilder options(boolean smoke) {
        var options = new OptionsBuilder()
                .include(FilterEvaluationBenchmark.class.getSimpleName())
                .include(TriggerRoutingBenchmark.class.getSimpleName())
                .include(SimulatorBenchmark.class.getSimpleName())
                // the simulator's allocation and collections, which bound it
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .output(LOG.toString());
        if (smoke) {
            options.warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(100))
                    .param("contacts", "1000");
        }
        return options;
    }

    private static List<Figure> figures(Collection<RunResult> results, String simulatorCost) {
        double filters = score(results, "FilterEvaluationBenchmark.evaluate", null);
        double routingAmongFew = score(results, "TriggerRoutingBenchmark.onChange", "10");
        double routingAmongMany = score(results, "TriggerRoutingBenchmark.onChange", "1000");
        RunResult simulation = result(results, "SimulatorBenchmark.run", null);
        double steps = (double) SimulatorBenchmark.STEPS_PER_CONTACT
                * Integer.parseInt(simulation.getParams().getParam("contacts"));
        double secondsPerRun = simulation.getPrimaryResult().getScore() / 1000;
        return List.of(
                Figure.atLeast("filter evaluation", filters, "evaluations/s", 1_000_000),
                Figure.atLeast("trigger routing, 1,000 flows", routingAmongMany, "changes/s", 100_000),
                Figure.atMost("trigger routing, 1,000 vs 10 flows", routingAmongFew / routingAmongMany, "time ratio", 1.5),
                Figure.atLeast("simulator", steps / secondsPerRun, "action steps/s", 200_000).boundedBy(
                        "young collections rescanning the state the simulation keeps: " + simulatorCost));
    }

    /** The simulator's bytes allocated per step and the share of its runs spent in collection pauses. */
    private static String simulatorCost(Collection<RunResult> results) {
        RunResult simulation = result(results, "SimulatorBenchmark.run", null);
        double steps = (double) SimulatorBenchmark.STEPS_PER_CONTACT
                * Integer.parseInt(simulation.getParams().getParam("contacts"));
        Map<String, Result> secondary = simulation.getSecondaryResults();
        Result allocated = secondary.get("gc.alloc.rate.norm");
        Result paused = secondary.get("gc.time");
        double runs = simulation.getPrimaryResult().getStatistics().getN();
        double runMillis = simulation.getPrimaryResult().getScore() * runs;
        return String.format(Locale.ROOT, "%,.0f bytes allocated per step; collection pauses %,.0f ms of "
                        + "the runs' %,.0f ms (%.0f%%)", allocated == null ? Double.NaN : allocated.getScore() / steps,
                paused == null ? 0 : paused.getScore(), runMillis,
                paused == null ? 0 : 100 * paused.getScore() / runMillis);
    }

    private static double score(Collection<RunResult> results, String benchmark, String flows) {
        return result(results, benchmark, flows).getPrimaryResult().getScore();
    }

    /** The result of a benchmark method ("Class.method"), for a number of flows when it has that parameter. */
    private static RunResult result(Collection<RunResult> results, String benchmark, String flows) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + benchmark))
                .filter(r -> flows == null || flows.equals(r.getParams().getParam("flows")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no result for " + benchmark));
    }

    private static void write(List<Figure> figures, List<String> notes) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Figure figure : figures) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", figure.name());
            row.put("value", figure.value());
            row.put("unit", figure.unit());
            row.put("target", figure.targetText());
            row.put("pass", figure.passes());
            if (figure.failureBound() != null) {
                row.put("bound", figure.failureBound());
            }
            rows.add(row);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("java", Runtime.version().toString());
        document.put("cores", Runtime.getRuntime().availableProcessors());
        document.put("figures", rows);
        document.put("notes", notes);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(RESULTS.toFile(), document);
    }
}
