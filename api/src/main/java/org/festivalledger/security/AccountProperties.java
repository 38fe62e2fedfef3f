package org.festivalledger.security;

import org.festivalledger.identity.Role;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The configured accounts that sign in with HTTP Basic (organisers and auditors). Jurors do not appear
 * here: each gets a bearer token when appointed.
 *
 * @param accounts username, password and role of each account
 */
@ConfigurationProperties("ledger.security")
public record AccountProperties(List<Account> accounts) {

    /** One configured account. */
    public record Account(String username, String password, Role role) {
    }

    public AccountProperties {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }
}
