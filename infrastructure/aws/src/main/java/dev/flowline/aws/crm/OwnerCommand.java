package dev.flowline.aws.crm;

import dev.flowline.aws.AwsClients;
import dev.flowline.aws.AwsConfig;
import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.contact.EmailAddress;
import dev.flowline.engine.owner.Owner;
import dev.flowline.engine.owner.OwnerDirectory;
import dev.flowline.engine.owner.Team;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The operators' command for an account's owner directory ({@code ./flowline-owners}), on the deployment the
 * environment names (credentials, {@code AWS_REGION}, {@code FLOWLINE_CRM_TABLE}, {@code AWS_ENDPOINT_URL} for an
 * emulator). It writes what {@code PUT /flowline/v1/owners/{ownerId}} and {@code /flowline/v1/teams/{teamId}} write:
 * <pre>
 * put-team ACCOUNT TEAM_ID NAME                    creates or renames a team
 * put-owner ACCOUNT OWNER_ID EMAIL [first=NAME] [last=NAME] [user=USER_ID] [teams=T1,T2]
 *                                                  creates or replaces an owner; the first team is its main team
 * archive-owner ACCOUNT OWNER_ID                   archives an owner: no longer assigned, emailed or notified
 * list ACCOUNT                                     prints the teams and the owners that are not archived
 * </pre>
 */
public final class OwnerCommand {

    static final String USAGE = "usage: flowline-owners put-team ACCOUNT TEAM_ID NAME"
            + " | put-owner ACCOUNT OWNER_ID EMAIL [first=NAME] [last=NAME] [user=USER_ID] [teams=T1,T2]"
            + " | archive-owner ACCOUNT OWNER_ID | list ACCOUNT";

    private OwnerCommand() {
    }

    public static void main(String[] args) {
        try (var dynamo = AwsClients.fromEnvironment().dynamoDb()) {
            var tables = AwsConfig.fromEnvironment().tables();
            List<String> arguments = List.of(args);
            if (arguments.size() < 2) {
                throw new IllegalArgumentException("a command and an account are needed");
            }
            var directory = new DynamoOwnerDirectory(dynamo, tables, new Account(arguments.get(1)));
            run(directory, Clock.systemUTC(), arguments).forEach(System.out::println);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
    }

    /** What the command prints for {@code args}, on the directory of the account {@code args} name. */
    static List<String> run(OwnerDirectory directory, Clock clock, List<String> args) {
        return switch (args.getFirst()) {
            case "put-team" -> {
                need(args, 4, "a team needs an id and a name");
                directory.putTeam(new Team(args.get(2), String.join(" ", args.subList(3, args.size()))));
                yield List.of("team " + args.get(2) + " saved");
            }
            case "put-owner" -> List.of(putOwner(directory, clock.instant(), args));
            case "archive-owner" -> {
                need(args, 3, "which owner?");
                Owner owner = directory.owner(args.get(2)).filter(o -> !o.archived())
                        .orElseThrow(() -> new IllegalArgumentException("there is no owner " + args.get(2)));
                directory.putOwner(owner.archivedAt(clock.instant()));
                yield List.of("owner " + owner.id() + " archived");
            }
            case "list" -> Stream.concat(
                    directory.teams().stream().map(team -> "team\t" + team.id() + "\t" + team.name()),
                    directory.everyActiveOwner().stream().map(owner -> "owner\t" + owner.id() + "\t" + owner.email()
                            + "\tuser " + owner.userId() + "\tteams " + owner.teams().stream()
                            .map(Owner.TeamMembership::teamId).toList())).toList();
            default -> throw new IllegalArgumentException("unknown command " + args.getFirst());
        };
    }

    private static String putOwner(OwnerDirectory directory, Instant now, List<String> args) {
        need(args, 4, "an owner needs an id and an email");
        String id = args.get(2);
        String email = args.get(3);
        EmailAddress.problem(email).ifPresent(problem -> {
            throw new IllegalArgumentException("the email is not an address: " + problem);
        });
        Map<String, String> options = new HashMap<>();
        for (String option : args.subList(4, args.size())) {
            int equals = option.indexOf('=');
            if (equals < 1 || !List.of("first", "last", "user", "teams").contains(option.substring(0, equals))) {
                throw new IllegalArgumentException("unknown option " + option);
            }
            options.put(option.substring(0, equals), option.substring(equals + 1));
        }
        var teams = new ArrayList<Owner.TeamMembership>();
        for (String team : options.getOrDefault("teams", "").split(",")) {
            if (team.isBlank()) {
                continue;
            }
            if (directory.team(team).isEmpty()) {
                throw new IllegalArgumentException("there is no team " + team + ": put it first");
            }
            teams.add(new Owner.TeamMembership(team, teams.isEmpty()));
        }
        Instant created = directory.owner(id).map(Owner::createdAt).orElse(now);
        directory.putOwner(new Owner(id, email, options.get("first"), options.get("last"), options.get("user"), teams,
                created, now, false));
        return "owner " + id + " saved";
    }

    private static void need(List<String> args, int count, String why) {
        if (args.size() < count) {
            throw new IllegalArgumentException(why);
        }
    }
}
