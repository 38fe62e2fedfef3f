package org.festivalledger.security;

import java.util.List;

/**
 * Outside demo mode an account without a configured password is refused at startup: a festival must never run
 * with a password anyone can read in our README.
 */
public class MissingAccountPasswords extends RuntimeException {

    private final List<String> usernames;

    public MissingAccountPasswords(List<String> usernames) {
        super("No password configured for account(s) " + String.join(", ", usernames)
                + " and demo mode is off: set " + AccountPasswords.variablesFor(usernames)
                + " (environment variables, or files of those names in a secrets directory read with"
                + " --spring.config.import=configtree:/run/secrets/), or start with --ledger.demo.enabled=true"
                + " for a demo");
        this.usernames = List.copyOf(usernames);
    }

    public List<String> usernames() {
        return usernames;
    }
}
