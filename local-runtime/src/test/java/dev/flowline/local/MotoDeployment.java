package dev.flowline.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.emulator.Moto;
import dev.flowline.engine.json.FlowlineJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * template.yaml deployed on moto's server as far as moto can ({@code tools/moto-deploy/deploy.py}: the SAM transform,
 * then a stack of the tables, queues, bus, rules and roles, the schedule groups through their API), and what Lambda
 * would give each function there: its handler and its environment as the template declares them.
 *
 * @param description what the script printed: the resources deployed, created by API and left out, the stack's
 *                    outputs, the event source mappings, each function's handler and environment
 */
record MotoDeployment(Moto moto, JsonNode description) {

    private static final Path ROOT = Path.of("..");
    private static final Path SCRIPT = ROOT.resolve("tools/moto-deploy/deploy.py");

    /** An SQS event source mapping of the template: the queue whose batches Lambda gives {@code function}. */
    record EventSource(String function, String queue, String queueUrl, int batchSize) {
    }

    /** Why no deployment can be made here, if none can: no moto server, or no SAM translator for the script. */
    static Optional<String> unavailableBecause(Moto moto) {
        Optional<String> noMoto = moto.unavailableBecause();
        if (noMoto.isPresent()) {
            return noMoto;
        }
        Run check = run(List.of("python3", "-c", "import samtranslator, boto3"));
        return check.status() == 0 ? Optional.empty() : Optional.of("python3 cannot import samtranslator and boto3 "
                + "(pip install aws-sam-translator boto3; cfn-lint brings the translator): the deployment on moto "
                + "is skipped: " + check.output().strip());
    }

    /** Deploys template.yaml as stack {@code stack} with the template parameters {@code parameters}. */
    static MotoDeployment deploy(Moto moto, String stack, Map<String, String> parameters) {
        var command = new ArrayList<>(List.of("python3", SCRIPT.toString(), ROOT.resolve("template.yaml").toString(),
                moto.endpoint().toString(), stack));
        parameters.forEach((name, value) -> command.add(name + "=" + value));
        Run deployed = run(command);
        if (deployed.status() != 0) {
            throw new IllegalStateException("the deployment on moto failed: " + deployed.output());
        }
        return new MotoDeployment(moto, FlowlineJson.read(deployed.output(), JsonNode.class));
    }

    String output(String name) {
        return description.path("outputs").path(name).textValue();
    }

    /** The logical ids and types of the resources in {@code group}: deployed, createdByApi or leftOut. */
    Map<String, String> resources(String group) {
        var resources = new LinkedHashMap<String, String>();
        description.path(group).properties().forEach(r -> resources.put(r.getKey(), r.getValue().asText()));
        return resources;
    }

    List<EventSource> eventSources() {
        var sources = new ArrayList<EventSource>();
        description.path("eventSources").forEach(source -> sources.add(new EventSource(source.path("function").asText(),
                source.path("queue").asText(), source.path("queueUrl").asText(), source.path("batchSize").asInt())));
        return sources;
    }

    /**
     * The environment Lambda gives {@code function}: the variables the template declares, resolved in the stack,
     * the region, and the emulator every client talks to (as env.json sets it for {@code sam local invoke}).
     */
    Map<String, String> environment(String function) {
        var environment = new LinkedHashMap<String, String>();
        description.path("functions").path(function).path("environment").properties()
                .forEach(variable -> environment.put(variable.getKey(), variable.getValue().asText()));
        environment.put("AWS_REGION", "us-east-1");
        environment.put("FLOWLINE_EMULATOR_URL", moto.endpoint().toString());
        return environment;
    }

    /** The handler the template names for {@code function}, on the engine its environment configures. */
    @SuppressWarnings("unchecked")
    <I, O> RequestHandler<I, O> handler(String function) {
        String handler = description.path("functions").path(function).path("handler").asText();
        try {
            return (RequestHandler<I, O>) Class.forName(handler.substring(0, handler.indexOf("::")))
                    .getConstructor(AwsEngine.class).newInstance(AwsEngine.fromEnvironment(environment(function)));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the template's handler " + handler + " of " + function
                    + " cannot be built on an engine", e);
        }
    }

    private record Run(int status, String output) {
    }

    /** Runs {@code command}; its output is its standard output, or its error output if it failed. */
    private static Run run(List<String> command) {
        try {
            Path errors = Files.createTempFile("moto-deploy", ".err");
            try {
                Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    return new Run(-1, "timed out: " + String.join(" ", command));
                }
                return new Run(process.exitValue(), process.exitValue() == 0 ? output : Files.readString(errors));
            } finally {
                Files.delete(errors);
            }
        } catch (IOException e) {
            return new Run(-1, "cannot run " + command.getFirst() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
