package org.festivalledger.entrant;

import org.festivalledger.demo.DemoMailbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * An entrant's erasure of their contact data, the one way the API and the page do it: the erasable store keeps
 * only their pseudonymous id ({@link EntrantDirectory#erase}); their sign-in links and tokens are forgotten (they
 * can no longer sign in as that entrant); in demo mode the demo mailbox forgets their mail. The ledger is not
 * touched: its events name only the id, so its chain, its checkpoints and the entrant's receipts stay valid.
 * Notifications still due are dropped when their turn comes (there is no address to send them to).
 */
@Service
public class EntrantErasure {

    private final EntrantDirectory directory;
    private final EntrantSignInLinks links;
    private final EntrantTokens tokens;
    private final ObjectProvider<DemoMailbox> demoMailbox;

    EntrantErasure(EntrantDirectory directory, EntrantSignInLinks links, EntrantTokens tokens,
                   ObjectProvider<DemoMailbox> demoMailbox) {
        this.directory = directory;
        this.links = links;
        this.tokens = tokens;
        this.demoMailbox = demoMailbox;
    }

    /** Erases the entrant's contact data; erasing again changes nothing. */
    public void erase(String entrantId) {
        String address = directory.find(entrantId).filter(entrant -> !entrant.erased()).map(Entrant::email)
                .orElse(null);
        directory.erase(entrantId);
        links.forget(entrantId);
        tokens.forget(entrantId);
        DemoMailbox mailbox = demoMailbox.getIfAvailable();
        if (mailbox != null && address != null) {
            mailbox.forget(address);
        }
    }
}
