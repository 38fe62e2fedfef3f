package org.festivalledger.entrant;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Entrants' personal data and sign-in links.
 *
 * @param keyFile        the secret that hashes (for lookup) and encrypts entrants' email addresses in the erasable
 *                       store; created on first start (owner read/write only). Nodes sharing one MongoDB must share
 *                       it. Default: {@code <data-dir>/entrant-data.key}
 * @param linkBase       the site's public address that emailed sign-in links start with (e.g.
 *                       {@code https://festival.example.org}); empty: the address the request came to, which only
 *                       suits a demo or a server reached under one name (a forged Host header must not choose where a
 *                       link points, so set it in production)
 * @param linkLifetime   how long an emailed sign-in link can be used (once)
 * @param linksPerAddressPerHour sign-in links sent to one address in an hour at most (a burst of that many, refilled
 *                       evenly); further requests are answered alike and send nothing
 * @param requestsPerClientPerHour sign-in link requests one client (remote address) may make in an hour (a burst of
 *                       that many, refilled evenly); then 429
 * @param mailFrom       the sender address of entrants' mail
 * @param sendClaimTimeout on a shared MongoDB, how long a notification being sent by another node is left to it
 *                       before it is taken for dead and the notification sent again (it must exceed the longest SMTP
 *                       exchange, see {@code spring.mail.properties.mail.smtp.*timeout}); on the embedded store an
 *                       earlier run's claim is dead at once
 */
@ConfigurationProperties("ledger.entrants")
public record EntrantProperties(Path keyFile, URI linkBase, Duration linkLifetime, int linksPerAddressPerHour,
                                int requestsPerClientPerHour, String mailFrom, Duration sendClaimTimeout) {

    public EntrantProperties {
        keyFile = keyFile == null || keyFile.toString().isBlank() ? null : keyFile;
        linkBase = linkBase == null || linkBase.toString().isBlank() ? null : linkBase;
        linkLifetime = linkLifetime == null || linkLifetime.isNegative() || linkLifetime.isZero()
                ? Duration.ofMinutes(30) : linkLifetime;
        linksPerAddressPerHour = linksPerAddressPerHour <= 0 ? 5 : linksPerAddressPerHour;
        requestsPerClientPerHour = requestsPerClientPerHour <= 0 ? 30 : requestsPerClientPerHour;
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "festival-ledger@localhost" : mailFrom.strip();
        sendClaimTimeout = sendClaimTimeout == null || sendClaimTimeout.isNegative() || sendClaimTimeout.isZero()
                ? Duration.ofMinutes(2) : sendClaimTimeout;
    }
}
