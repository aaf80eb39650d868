#!/usr/bin/env python3
"""Deploys template.yaml, after the SAM transform, on moto's server as far as moto can, and prints the deployment.

Usage: deploy.py TEMPLATE ENDPOINT STACK [Parameter=value ...]

The template is transformed as `sam deploy` would (function code as if uploaded to S3), then split:
- the tables, queues, the bus and its rules, roles and managed policies form a stack created through moto's
  CloudFormation at ENDPOINT; what it leaves out of a table (time to live, point-in-time recovery) is then set
  through DynamoDB's API;
- the schedule groups, which moto's CloudFormation passes by, are created through Scheduler's API, named as declared;
- the rest is left out: functions with their versions, aliases, permissions and event source mappings, the HTTP API,
  the queue policy, log groups, alarms, the dashboard, the alarm topic, the SES event destination, the sweep's
  schedule. A reference to a resource left out becomes the name or ARN AWS would give it.
Each function's environment, as the template declares it, and the queue of each event source mapping are resolved by
the stack itself (one output each).

Prints one JSON object: the stack; the resources in the stack (those whose condition holds), created by API and left
out (logical id -> type); the stack's outputs but those of resources left out; the event source mappings (function,
queue, its URL, batch size); and each function's handler and environment.
"""
import json
import os
import re
import sys

import boto3
from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

REGION = "us-east-1"
ACCOUNT = "123456789012"
DEPLOYED_TYPES = {
    "AWS::DynamoDB::Table",
    "AWS::SQS::Queue",
    "AWS::Events::EventBus",
    "AWS::Events::Rule",
    "AWS::IAM::Role",
    "AWS::IAM::ManagedPolicy",
}
# moto's CloudFormation passes these by: the script creates them through their own API, named as declared
CREATED_BY_API = {"AWS::Scheduler::ScheduleGroup"}


class NoManagedPolicies:
    """The template's functions name no AWS managed policy, so the transform needs none of IAM's."""

    def load(self):
        return {}


def sam_transform(path, parameters):
    template = yaml_parse(open(path).read())
    for resource in template["Resources"].values():
        properties = resource.get("Properties", {})
        if isinstance(properties.get("CodeUri"), str):
            # where `sam deploy` uploads the jar
            properties["CodeUri"] = "s3://flowline-artifacts/" + properties["CodeUri"]
    return transform(template, parameters, NoManagedPolicies())


def stand_in(stack, logical_id, resource, attribute):
    """What a reference to a resource left out of the stack resolves to: the name or ARN AWS would give it."""
    kind = resource["Type"]
    if kind in CREATED_BY_API and attribute is None:
        return resource["Properties"]["Name"]
    name = f"{stack}-{logical_id}"
    if kind == "AWS::Lambda::Function":
        return f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:{name}" if attribute == "Arn" else name
    if kind == "AWS::Lambda::Alias":
        function = resource["Properties"]["FunctionName"]["Ref"]
        return f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:{stack}-{function}:{resource['Properties']['Name']}"
    service = kind.split("::")[1].lower()
    return f"arn:aws:{service}:{REGION}:{ACCOUNT}:{name}" if attribute == "Arn" else name


def replace_left_out(value, stack, left_out):
    """value with every reference to a resource in left_out replaced by its stand-in."""
    if isinstance(value, list):
        return [replace_left_out(item, stack, left_out) for item in value]
    if not isinstance(value, dict):
        return value
    if set(value) == {"Ref"} and value["Ref"] in left_out:
        return stand_in(stack, value["Ref"], left_out[value["Ref"]], None)
    if set(value) == {"Fn::GetAtt"} and value["Fn::GetAtt"][0] in left_out:
        target, attribute = value["Fn::GetAtt"]
        return stand_in(stack, target, left_out[target], attribute)
    if set(value) == {"Fn::Sub"} and isinstance(value["Fn::Sub"], str):
        def substitute(match):
            target, _, attribute = match.group(1).partition(".")
            if target not in left_out:
                return match.group(0)
            value = stand_in(stack, target, left_out[target], attribute or None)
            return value["Fn::Sub"] if isinstance(value, dict) else value  # a Name declared as a Sub, inlined
        return {"Fn::Sub": re.sub(r"\$\{([^}!]+)\}", substitute, value["Fn::Sub"])}
    return {key: replace_left_out(item, stack, left_out) for key, item in value.items()}


def bus_names_by_attribute(value, buses):
    """Refs to the buses as their Name attribute, the same value, which moto's CloudFormation gives (Ref gives the
    bus object itself)."""
    if isinstance(value, list):
        return [bus_names_by_attribute(item, buses) for item in value]
    if not isinstance(value, dict):
        return value
    if set(value) == {"Ref"} and value["Ref"] in buses:
        return {"Fn::GetAtt": [value["Ref"], "Name"]}
    if set(value) == {"Fn::Sub"} and isinstance(value["Fn::Sub"], str):
        return {"Fn::Sub": re.sub(r"\$\{(" + "|".join(buses) + r")\}", r"${\1.Name}", value["Fn::Sub"])}
    return {key: bus_names_by_attribute(item, buses) for key, item in value.items()}


def refers_to(value, names):
    """Whether value has a Ref, GetAtt or Sub reference to one of names."""
    text = json.dumps(value)
    return any(f'"Ref": "{name}"' in text or f'"Fn::GetAtt": ["{name}"' in text
               or re.search(r"\$\{" + re.escape(name) + r"[.}]", text) for name in names)


def split(template, stack):
    resources = template["Resources"]
    buses = [key for key, r in resources.items() if r["Type"] == "AWS::Events::EventBus"]
    if buses:
        template = bus_names_by_attribute(template, buses)
        resources = template["Resources"]
    left_out = {key: r for key, r in resources.items() if r["Type"] not in DEPLOYED_TYPES}
    deployed = {}
    for key, resource in resources.items():
        if key in left_out:
            continue
        resource = replace_left_out(resource, stack, left_out)
        if isinstance(resource.get("DependsOn"), list):
            resource["DependsOn"] = [d for d in resource["DependsOn"] if d not in left_out]
        elif resource.get("DependsOn") in left_out:
            del resource["DependsOn"]
        deployed[key] = resource
    absent = [key for key, r in left_out.items() if r["Type"] not in CREATED_BY_API]
    outputs = {key: replace_left_out(output, stack, left_out) for key, output in template.get("Outputs", {}).items()
               if not refers_to(output, absent)}
    by_api = {}
    for key, resource in left_out.items():
        if resource["Type"] in CREATED_BY_API:
            outputs[f"Name{key}"] = {"Value": replace_left_out(resource["Properties"]["Name"], stack, left_out)}
            by_api[key] = f"Name{key}"
    for key, resource in deployed.items():
        if resource["Type"] == "AWS::DynamoDB::Table":
            outputs[f"Table{key}"] = {"Value": {"Ref": key}}
    event_sources = []
    for key, resource in left_out.items():
        if resource["Type"] == "AWS::Lambda::EventSourceMapping":
            alias = left_out[resource["Properties"]["FunctionName"]["Ref"]]
            queue = resource["Properties"]["EventSourceArn"]["Fn::GetAtt"][0]
            outputs[f"Queue{key}"] = {"Value": {"Ref": queue}}
            event_sources.append({"function": alias["Properties"]["FunctionName"]["Ref"], "queue": queue,
                                  "queueUrl": f"Queue{key}", "batchSize": resource["Properties"]["BatchSize"]})
    functions = {}
    for key, resource in left_out.items():
        if resource["Type"] != "AWS::Lambda::Function":
            continue
        variables = resource["Properties"].get("Environment", {}).get("Variables", {})
        names = {}
        for index, (variable, value) in enumerate(variables.items()):
            output = f"Env{key}{index}"
            outputs[output] = {"Value": replace_left_out(value, stack, left_out)}
            names[output] = variable
        functions[key] = {"handler": resource["Properties"]["Handler"], "environment": names}
    stack_template = {k: v for k, v in template.items() if k not in ("Resources", "Outputs")}
    stack_template["Resources"] = deployed
    stack_template["Outputs"] = outputs
    return stack_template, left_out, by_api, event_sources, functions


def complete_table(dynamodb, name, properties):
    """What moto's CloudFormation leaves out of a table it creates: its time to live and point-in-time recovery."""
    ttl = properties.get("TimeToLiveSpecification")
    if ttl:
        dynamodb.update_time_to_live(TableName=name, TimeToLiveSpecification=ttl)
    recovery = properties.get("PointInTimeRecoverySpecification")
    if recovery:
        dynamodb.update_continuous_backups(TableName=name, PointInTimeRecoverySpecification=recovery)


def main(template_path, endpoint, stack, *assignments):
    os.environ.setdefault("AWS_DEFAULT_REGION", REGION)  # the transform reads the region as boto does
    parameters = dict(assignment.split("=", 1) for assignment in assignments)
    template = sam_transform(template_path, parameters)
    stack_template, left_out, by_api, event_sources, functions = split(template, stack)
    cloudformation, scheduler, dynamodb = (boto3.client(service, endpoint_url=endpoint, region_name=REGION,
                                              aws_access_key_id="test", aws_secret_access_key="test")
                                 for service in ("cloudformation", "scheduler", "dynamodb"))
    cloudformation.create_stack(StackName=stack, TemplateBody=json.dumps(stack_template),
                                Parameters=[{"ParameterKey": k, "ParameterValue": v} for k, v in parameters.items()],
                                Capabilities=["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"])
    cloudformation.get_waiter("stack_create_complete").wait(StackName=stack, WaiterConfig={"Delay": 1})
    described = cloudformation.describe_stacks(StackName=stack)["Stacks"][0]
    values = {o["OutputKey"]: o["OutputValue"] for o in described.get("Outputs", [])}
    for key, output in by_api.items():
        scheduler.create_schedule_group(Name=values.pop(output))
        left_out.pop(key)
    for key, resource in stack_template["Resources"].items():
        if resource["Type"] == "AWS::DynamoDB::Table":
            complete_table(dynamodb, values.pop(f"Table{key}"), resource["Properties"])
    for source in event_sources:
        source["queueUrl"] = values.pop(source["queueUrl"])
    for function in functions.values():
        function["environment"] = {variable: values.pop(output)
                                   for output, variable in function["environment"].items()}
    json.dump({
        "stack": stack,
        "deployed": {r["LogicalResourceId"]: r["ResourceType"]
                     for r in cloudformation.describe_stack_resources(StackName=stack)["StackResources"]
                     if r.get("LogicalResourceId")},  # moto lists a resource whose condition is false without one
        "createdByApi": {key: template["Resources"][key]["Type"] for key in by_api},
        "leftOut": {key: r["Type"] for key, r in left_out.items()},
        "outputs": values,
        "eventSources": event_sources,
        "functions": functions,
    }, sys.stdout, indent=1)


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
