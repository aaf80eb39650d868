package dev.flowline.aws.ses;

import dev.flowline.engine.action.InternalEmail;

import java.util.List;

/** Finds the email addresses of an internal email's users, teams and owners. */
@FunctionalInterface
public interface RecipientDirectory {

    List<String> addressesOf(InternalEmail email);
}
