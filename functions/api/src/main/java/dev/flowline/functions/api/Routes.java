package dev.flowline.functions.api;

/** A group of API routes (flows, contacts, lists…), each registered on the router. */
@FunctionalInterface
public interface Routes {

    void register(Router router);
}
