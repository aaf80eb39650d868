package dev.flowline.local;

import java.util.concurrent.CountDownLatch;

/** {@code ./flowline-local}: starts the local runtime, prints what runs where, and stops on Ctrl-C. */
public final class FlowlineLocal {

    private FlowlineLocal() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalOptions options;
        try {
            options = LocalOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LocalOptions.USAGE);
            System.exit(2);
            return;
        }
        LocalRuntime runtime = LocalRuntime.start(options);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Flowline local: stopping");
            runtime.close();
            System.out.println("Flowline local: stopped");
            stopped.countDown();
        }, "shutdown"));
        System.out.println("Flowline local runtime started:");
        runtime.describe().forEach(line -> System.out.println("  " + line));
        System.out.println("Ctrl-C stops it.");
        stopped.await();
    }
}
