package org.festivalledger.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides, before any bean exists, where the configured accounts' passwords come from. Outside demo mode every
 * account must have one configured (environment variable, secrets file, any Spring property source), or the
 * application refuses to start ({@link MissingAccountPasswords}). In demo mode, and only there, an account
 * without one gets the public demo password {@code <username>-demo} that the README documents.
 * <p>
 * It runs this early so that a refused start leaves nothing half started (no embedded store, no port opened).
 */
public class AccountPasswords implements EnvironmentPostProcessor, Ordered {

    static final String DEMO_SOURCE = "demoAccountPasswords";
    private static final String ACCOUNTS = "ledger.security.accounts";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder binder = Binder.get(environment);
        List<AccountProperties.Account> accounts = binder
                .bind(ACCOUNTS, Bindable.listOf(AccountProperties.Account.class)).orElse(List.of());
        List<String> missing = accounts.stream().filter(account -> isBlank(account.password()))
                .map(AccountProperties.Account::username).toList();
        if (missing.isEmpty()) {
            return;
        }
        if (!environment.getProperty("ledger.demo.enabled", Boolean.class, false)) {
            throw new MissingAccountPasswords(missing);
        }
        // A list binds from one property source as a whole, so the demo source restates every account.
        Map<String, Object> demo = new LinkedHashMap<>();
        for (int i = 0; i < accounts.size(); i++) {
            AccountProperties.Account account = accounts.get(i);
            String prefix = ACCOUNTS + "[" + i + "].";
            demo.put(prefix + "username", account.username());
            demo.put(prefix + "password", isBlank(account.password()) ? demoPassword(account.username())
                    : account.password());
            demo.put(prefix + "role", account.role().name());
        }
        environment.getPropertySources().addFirst(new MapPropertySource(DEMO_SOURCE, demo));
    }

    /** The public password of a demo account: documented, hence never acceptable outside demo mode. */
    public static String demoPassword(String username) {
        return username + "-demo";
    }

    /** The environment variables that configure the given accounts' passwords. */
    static String variablesFor(List<String> usernames) {
        List<String> variables = new ArrayList<>();
        usernames.forEach(username -> variables.add(variableFor(username)));
        return String.join(", ", variables);
    }

    static String variableFor(String username) {
        return "LEDGER_" + username.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_PASSWORD";
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    @Override
    public int getOrder() {
        // After the configuration files and the config tree (secrets) have been read.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
