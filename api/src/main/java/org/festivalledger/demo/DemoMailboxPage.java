package org.festivalledger.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The demo's mailbox: what entrants would have been mailed. There is no such page outside demo mode. */
@Controller
@ConditionalOnProperty(name = "ledger.demo.enabled", havingValue = "true")
class DemoMailboxPage {

    private final DemoMailbox mailbox;

    DemoMailboxPage(DemoMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping("/demo/mailbox")
    String mailbox(Model model) {
        model.addAttribute("messages", mailbox.messages());
        return "demo/mailbox";
    }
}
