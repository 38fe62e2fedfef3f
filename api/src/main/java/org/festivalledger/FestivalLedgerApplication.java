package org.festivalledger;

import org.festivalledger.audit.OfflineVerification;
import org.festivalledger.audit.ReceiptVerification;
import org.festivalledger.security.MissingAccountPasswords;
import org.festivalledger.storage.OfflineCompaction;
import org.festivalledger.storage.StandaloneStore;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.Arrays;

/** The festival ledger: an event-sourced programme and awards ledger for film-festival competitions. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FestivalLedgerApplication {

    /** The exit status of a start refused for its configuration (sysexits' EX_CONFIG). */
    public static final int EXIT_CONFIGURATION = 78;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("store")) {
            StandaloneStore.run(args);
            return;
        }
        if (args.length > 0 && "compact".equals(args[0])) {
            // Works on a stopped application's file: nothing else may start.
            System.exit(OfflineCompaction.run(Arrays.asList(args).subList(1, args.length), System.out, System.err));
        }
        if (args.length > 0 && "verify".equals(args[0])) {
            // An auditor's offline check needs no server and no store: it must not start either.
            System.exit(OfflineVerification.run(Arrays.asList(args).subList(1, args.length), System.out, System.err));
        }
        if (args.length > 0 && "verify-receipt".equals(args[0])) {
            System.exit(ReceiptVerification.run(Arrays.asList(args).subList(1, args.length), System.out, System.err));
        }
        quietAxon();
        try {
            SpringApplication.run(FestivalLedgerApplication.class, args);
        } catch (MissingAccountPasswords refused) {
            // Spring has already said why (MissingAccountPasswordsAnalyzer); a configuration error, not a crash.
            System.exit(EXIT_CONFIGURATION);
        }
    }

    /**
     * Axon 4.12+ checks for updates over the network and prints a console banner; only JVM system
     * properties turn these off (Spring properties are read too late), and nothing here may phone home.
     */
    public static void quietAxon() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
    }
}
