package org.festivalledger.demo;

import org.festivalledger.security.AccountProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the application where it is and how to sign in. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final Environment environment;
    private final AccountProperties accounts;

    StartupBanner(Environment environment, AccountProperties accounts) {
        this.environment = environment;
        this.accounts = accounts;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        String port = environment.getProperty("local.server.port", "8080");
        StringBuilder text = new StringBuilder("\n\n  Festival ledger is up: http://localhost:" + port + "/api/competitions\n");
        if (environment.getProperty("ledger.demo.enabled", Boolean.class, false)) {
            text.append("\n  ***********************************************************************\n")
                    .append("  *  DEMO MODE: demo data, public demo passwords and juror tokens.     *\n")
                    .append("  *  Never use demo mode for a real festival (README, \"Accounts\").     *\n")
                    .append("  ***********************************************************************\n\n");
            // The passwords themselves are never logged: the demo's are documented in the README.
            text.append("  Demo accounts (HTTP Basic; passwords in the README unless you set your own):\n");
            accounts.accounts().forEach(account -> text.append("    ").append(account.role().name().toLowerCase())
                    .append(": ").append(account.username()).append('\n'));
            text.append("  Demo jurors (Authorization: Bearer <token>): juror-1 … juror-").append(DemoCompetition.JURORS)
                    .append(" with tokens ").append(DemoCompetition.demoToken(1)).append(" … ")
                    .append(DemoCompetition.demoToken(DemoCompetition.JURORS)).append(" (").append(DemoCompetition.ID)
                    .append(", judged and published);\n    juror-1 … juror-").append(DemoCompetition.STUDENT_JURORS)
                    .append(" of ").append(DemoCompetition.STUDENTS_ID).append(" with tokens ")
                    .append(DemoCompetition.studentToken(1)).append(" … ")
                    .append(DemoCompetition.studentToken(DemoCompetition.STUDENT_JURORS))
                    .append(" (preliminary round open)\n");
            text.append("  Public results page: http://localhost:").append(port).append("/\n");
            text.append("  A juror's sign-in link: http://localhost:").append(port).append("/juror/sign-in?link=")
                    .append(DemoCompetition.demoLink(DemoCompetition.studentToken(1))).append('\n');
            text.append("  Organiser pages: http://localhost:").append(port).append("/organiser\n");
            text.append("  The log's verifier key: http://localhost:").append(port).append("/api/public/log/key\n");
        }
        log.info("{}", text);
    }
}
