package dev.flowline.functions.api;

import dev.flowline.aws.AwsEngine;

/** HubSpot's Automation v4 flows API: {@code /automation/v4/flows}. */
final class FlowRoutes implements Routes {

    private final AwsEngine engine;

    FlowRoutes(AwsEngine engine) {
        this.engine = engine;
    }

    @Override
    public void register(Router router) {
        router.get("/automation/v4/flows/{flowId}", request -> engine.flows().find(request.pathParameter("flowId"))
                .map(flow -> ApiResponse.ok(flow.toJson()))
                .orElseThrow(() -> ApiException.notFound("Could not find flow " + request.pathParameter("flowId"))));
    }
}
