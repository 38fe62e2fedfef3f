package org.festivalledger.entrant;

import org.festivalledger.http.TokenBuckets;
import org.festivalledger.http.TooManyRequests;
import org.festivalledger.language.PageLanguage;
import org.festivalledger.rules.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * An entrant asks for a sign-in link: the one way the API and the page do it. The address is enrolled if it is new
 * (under a new pseudonymous id), a one-time link is issued and mailed. The answer is the same whatever the address:
 * known or not, and whether or not the address's own limit held the mail back. A client that asks too often is
 * refused (429); that says nothing about any address.
 */
@Service
public class EntrantSignInRequests {

    private static final Logger log = LoggerFactory.getLogger(EntrantSignInRequests.class);
    // Deliberately loose: one @, something on each side, no spaces; the mail server is the real judge.
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final double PER_HOUR = 1.0 / 3600;

    private final EntrantDirectory directory;
    private final EntrantSignInLinks links;
    private final EntrantMail mail;
    private final EntrantProperties properties;
    private final TokenBuckets perAddress;
    private final TokenBuckets perClient;

    EntrantSignInRequests(EntrantDirectory directory, EntrantSignInLinks links, EntrantMail mail,
                          EntrantProperties properties) {
        this.directory = directory;
        this.links = links;
        this.mail = mail;
        this.properties = properties;
        this.perAddress = new TokenBuckets(properties.linksPerAddressPerHour() * PER_HOUR,
                properties.linksPerAddressPerHour(), System::nanoTime);
        this.perClient = new TokenBuckets(properties.requestsPerClientPerHour() * PER_HOUR,
                properties.requestsPerClientPerHour(), System::nanoTime);
    }

    /**
     * Asks for a link to be mailed to {@code email}.
     *
     * @param languageTag the language the entrant reads (zh-CN or en); the page's when none is given
     * @param client      the asking client's address, as {@code ClientAddress} settled on
     * @param site        where the request came to: the link's base when {@code ledger.entrants.link-base} is unset
     */
    public void ask(String email, String languageTag, PageLanguage pageLanguage, String client, URI site) {
        if (email == null || email.isBlank() || email.length() > 254 || !ADDRESS.matcher(email.strip()).matches()) {
            throw InvalidInput.of("email", "must be an email address such as name@example.org");
        }
        PageLanguage language = languageTag == null || languageTag.isBlank() ? pageLanguage
                : PageLanguage.of(languageTag);
        if (language == null) {
            throw InvalidInput.of("language", "must be zh-CN or en");
        }
        long wait = perClient.take(client);
        if (wait > 0) {
            throw new TooManyRequests("this client asked for too many sign-in links; retry later", wait);
        }
        Entrant entrant = directory.enrol(email, language);
        if (perAddress.take(entrant.id()) > 0) {
            // Answered like any other request: the limit protects the address's owner from a flood of mail.
            log.info("Sign-in link for entrant {} held back: too many asked for this address", entrant.id());
            return;
        }
        String secret = links.issue(entrant.id());
        URI base = properties.linkBase() != null ? properties.linkBase() : site;
        String link = UriComponentsBuilder.fromUri(base).path("/entrant/sign-in").queryParam("link", secret).build().toUriString();
        mail.signInLink(entrant, link);
    }
}
