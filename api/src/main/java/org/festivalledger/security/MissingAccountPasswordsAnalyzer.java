package org.festivalledger.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in plain words why the application refused to start and what to set, instead of a stack trace. */
public class MissingAccountPasswordsAnalyzer extends AbstractFailureAnalyzer<MissingAccountPasswords> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingAccountPasswords cause) {
        String variables = AccountPasswords.variablesFor(cause.usernames());
        return new FailureAnalysis(
                "No password is configured for the account(s) " + String.join(", ", cause.usernames())
                        + ", and demo mode is off. Demo passwords exist only in demo mode.",
                "Set " + variables + " in the environment, or put files named " + variables + " in a secrets"
                        + " directory and start with --spring.config.import=configtree:/run/secrets/ (a"
                        + " password may also be given BCrypt-hashed as {bcrypt}...). For a demo, start with"
                        + " --ledger.demo.enabled=true.",
                cause);
    }
}
