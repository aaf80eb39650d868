package dev.flowline.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The first invocation of a handler in a fresh JVM, as Lambda makes it: the handler built by its no-argument
 * constructor, the sample event read into its input type, one call with a context. Runs on the function's
 * shaded jar ({@link ColdStarts}); prints {@link #DONE} when the invocation returned, after {@link #CPU} and the
 * processor time the JVM has used so far (all its threads: compilers and collectors too), and {@link #CLASSES} and
 * the number of classes it loaded.
 * Arguments: the handler class, the event file.
 */
public final class HandlerInvocation {

    static final String DONE = "flowline-bench: invocation done";
    static final String CPU = "flowline-bench: cpu seconds ";
    static final String CLASSES = "flowline-bench: classes loaded ";

    private HandlerInvocation() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> type = Class.forName(args[0]);
        Object handler = type.getDeclaredConstructor().newInstance();
        Method handle = Arrays.stream(type.getMethods())
                .filter(method -> method.getName().equals("handleRequest") && !method.isBridge())
                .findFirst().orElseThrow(() -> new IllegalArgumentException(args[0] + " has no handleRequest"));
        // Lambda's event JSON names some fields in another case than the event classes' setters do.
        var mapper = JsonMapper.builder().enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        Object event = mapper.readValue(Path.of(args[1]).toFile(), handle.getParameterTypes()[0]);
        Object response = handle.invoke(handler, event, new FirstInvocation(type.getSimpleName()));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.println(CPU + os.getProcessCpuTime() / 1e9);
        System.out.println(CLASSES + ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
        System.out.println(DONE + ": " + response);
        System.exit(0); // a function's JVM lives on; this one has done what it was started for
    }

    private record FirstInvocation(String functionName) implements Context {

        @Override
        public String getAwsRequestId() {
            return "cold-start";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/" + functionName;
        }

        @Override
        public String getLogStreamName() {
            return "cold-start";
        }

        @Override
        public String getFunctionName() {
            return functionName;
        }

        @Override
        public String getFunctionVersion() {
            return "1";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 60_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 512;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.err.print(message);
                }

                @Override
                public void log(byte[] message) {
                    log(new String(message, StandardCharsets.UTF_8));
                }
            };
        }
    }
}
